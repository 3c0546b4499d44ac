import { Router, type NextFunction, type Request, type Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { Logger } from 'pino';
import { openPublicMedia } from './public-media.js';

/**
 * Public-listener route: `GET /media/<folder>/<file>` for the public folders only. Anything it
 * will not serve falls through to the public app's 404, the same answer as a missing file, so a
 * probe learns nothing about what exists.
 */
export function mediaRoutes(mediaRoot: string, log: Logger): Router {
  const r = Router();
  // use(), not get('/media/{*rest}'): a route parameter would be decoded by Express, and a
  // malformed escape would answer 400 instead of 404.
  r.use('/media', async (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    // req.path keeps the percent-encoding; each segment is decoded exactly once, in openPublicMedia.
    const file = await openPublicMedia(mediaRoot, req.path.slice(1));
    if (!file) return next();
    res.set({ 'Content-Type': file.type, 'Content-Length': String(file.stats.size), 'Cache-Control': 'public, max-age=300', 'Last-Modified': file.stats.mtime.toUTCString() });
    if (req.method === 'HEAD') {
      await file.handle.close();
      return res.end();
    }
    try {
      await pipeline(file.handle.createReadStream({ start: 0 }), res);
    } catch (err) {
      log.debug({ err, path: req.path }, 'media response ended early');
    }
  });
  return r;
}
