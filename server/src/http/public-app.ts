import express, { type Router } from 'express';
import type { Logger } from 'pino';
import { errorHandler, notFound } from './errors.js';

/**
 * The public app: the only thing the tunnel exposes. Webhooks and the Flows endpoint mount here
 * (each with its own signature check and body limit); every other path, `/api/*` included, is 404.
 */
export function createPublicApp(opts: { log: Logger; routers: Router[] }) {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use((_req, res, next) => {
    res.set({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
    next();
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  for (const r of opts.routers) app.use(r);
  app.use(notFound);
  app.use(errorHandler(opts.log));
  return app;
}
