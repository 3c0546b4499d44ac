import express, { Router } from 'express';
import type { Logger } from 'pino';
import { flowsApi } from '../../contracts/index.js';
import { route } from '../../http/index.js';
import { FlowEndpointError } from './flows.crypto.js';
import { FLOWS_ENDPOINT_PATH, type FlowsService } from './flows.service.js';

/** Meta's encrypted requests are small; anything larger is refused before it is read. */
const BODY_LIMIT = '1mb';

/**
 * `POST /flows/endpoint` on the public listener: the raw bytes (the signature covers them), the
 * answer as base64 text/plain, refusals with Meta's status codes and a plain-text reason.
 */
export function flowsEndpointRoutes(flows: FlowsService, log: Logger): Router {
  const r = Router();
  const raw = express.raw({ type: () => true, limit: BODY_LIMIT, inflate: false });
  r.post(FLOWS_ENDPOINT_PATH, raw, (req, res, next) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    flows.handle(body, req.get('x-hub-signature-256')).then(
      (encrypted) => res.status(200).type('text/plain').send(encrypted),
      (err: unknown) => {
        if (!(err instanceof FlowEndpointError)) return next(err);
        log.warn({ status: err.status }, `Flow endpoint refused a request: ${err.message}`);
        res.status(err.status).type('text/plain').send(err.message);
      },
    );
  });
  return r;
}

/** The admin side: the public key and Flow ids for Settings → WhatsApp, and sending a Flow. */
export function flowsRoutes(flows: FlowsService): Router {
  const r = Router();
  route(r, flowsApi.getFlows, () => flows.overview());
  route(r, flowsApi.putFlowsSettings, ({ body }) => flows.saveSettings(body));
  route(r, flowsApi.sendFlow, ({ body }) => flows.send(body));
  return r;
}
