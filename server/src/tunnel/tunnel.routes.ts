import { Router } from 'express';
import { api } from '../contracts/index.js';
import { route } from '../http/index.js';
import type { TunnelService } from './tunnel.service.js';

export function tunnelRoutes(tunnel: TunnelService): Router {
  const r = Router();
  route(r, api.getTunnel, () => tunnel.status());
  route(r, api.startTunnel, () => tunnel.start());
  route(r, api.stopTunnel, () => tunnel.stop());
  route(r, api.putTunnelSettings, ({ body }) => tunnel.applySettings(body));
  route(r, api.rotateVerifyToken, () => tunnel.rotateVerifyToken());
  return r;
}
