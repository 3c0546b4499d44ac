import { Router } from 'express';
import { api } from '../../contracts/index.js';
import { route } from '../../http/index.js';
import type { ConnectionService } from './connection.service.js';

export function connectionRoutes(connection: ConnectionService): Router {
  const r = Router();
  route(r, api.getWhatsAppConnection, () => connection.status());
  route(r, api.putWhatsAppConnection, ({ body }) => connection.save(body));
  return r;
}
