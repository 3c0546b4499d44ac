import express, { type Router } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { apiGuard, hostGuard, securityHeaders, tokenExchange } from './admin-security.js';
import { errorHandler, notFound } from './errors.js';
import type { Session } from './session.js';

/** JSON bodies on the admin API; uploads get their own, larger limit on their own routes. */
export const JSON_LIMIT = '1mb';

/**
 * The admin app (127.0.0.1 only): Host guard → security headers → token exchange → `/api/*`
 * behind the session guard → the built renderer, with the SPA fallback to index.html.
 */
export function createAdminApp(opts: { session: Session; port: () => number; log: Logger; rendererDir: string; routers: Router[] }) {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(hostGuard(opts.port));
  app.use(securityHeaders(opts.port));
  app.use(tokenExchange(opts.session));

  const apiRouter = express.Router();
  apiRouter.use(apiGuard(opts.session, opts.port));
  apiRouter.use(express.json({ limit: JSON_LIMIT }));
  apiRouter.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  for (const r of opts.routers) apiRouter.use(r);
  apiRouter.use(notFound);
  app.use('/api', apiRouter);

  const index = join(opts.rendererDir, 'index.html');
  app.use(express.static(opts.rendererDir, { index: false, maxAge: '1h' }));
  app.get(/^\/(?!api\/).*/, (_req, res) => {
    if (existsSync(index)) return res.sendFile(index, { maxAge: 0 });
    res
      .status(503)
      .type('text/plain')
      .send('The Revive screens are not built yet. Run `npm run build:renderer` (npm start does it for you).');
  });
  app.use(notFound);
  app.use(errorHandler(opts.log));
  return app;
}
