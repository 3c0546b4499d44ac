import { Router } from 'express';
import { opsApi } from '../contracts/index.js';
import { route } from '../http/index.js';
import type { Fleet } from '../contracts/index.js';
import type { OpsService } from './ops.service.js';

/** The event log's API: pages for the Matrix's history and CSV, the Fleet cards, the owner's settings. */
export function opsRoutes(ops: OpsService, fleet: () => Fleet): Router {
  const r = Router();
  route(r, opsApi.listEvents, ({ req }) => ops.list(req.query));
  route(r, opsApi.getFleet, () => fleet());
  route(r, opsApi.getOpsSettings, () => ops.getSettings());
  route(r, opsApi.updateOpsSettings, ({ body }) => ops.updateSettings(body));
  return r;
}
