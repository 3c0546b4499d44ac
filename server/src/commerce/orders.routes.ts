import { Router } from 'express';
import { ordersApi } from '../contracts/index.js';
import { route } from '../http/index.js';
import type { OrdersService } from './orders.service.js';

const id = (params: Record<string, string>) => Number(params.id);

/** The orders API. Thin: the rules live in the service. `GET /api/orders` filters by query (status, contact, q). */
export function ordersRoutes(orders: OrdersService): Router {
  const r = Router();
  route(r, ordersApi.getOrderSettings, () => orders.settings());
  route(r, ordersApi.putOrderSettings, ({ body }) => orders.updateSettings(body));
  route(r, ordersApi.listOrders, ({ req }) => orders.list(req.query));
  route(r, ordersApi.getOrder, ({ params }) => orders.get(id(params)));
  route(r, ordersApi.setOrderStatus, ({ body, params }) => orders.setStatus(id(params), body));
  return r;
}
