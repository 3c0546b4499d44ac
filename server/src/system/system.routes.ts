import { Router } from 'express';
import { api } from '../contracts/index.js';
import { route } from '../http/index.js';
import type { HealthService } from './health.service.js';

export function systemRoutes(health: HealthService): Router {
  const r = Router();
  route(r, api.health, () => health.health());
  return r;
}
