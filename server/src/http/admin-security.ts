import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { DomainError } from '../shared/errors.js';
import { sendError } from './errors.js';
import { hostAllowed, originAllowed } from './guards.js';
import { SESSION_COOKIE, type Session } from './session.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function securityHeaders(port: () => number): RequestHandler {
  return (req, res, next) =>
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          connectSrc: ["'self'", `ws://127.0.0.1:${port()}`, `ws://localhost:${port()}`],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
      crossOriginEmbedderPolicy: false,
      referrerPolicy: { policy: 'no-referrer' },
    })(req, res, next);
}

/** Host first: a request for another name is refused before anything else runs. */
export function hostGuard(port: () => number): RequestHandler {
  return (req, res, next) => {
    if (!hostAllowed(req, port())) return sendError(res, new DomainError('misdirected', 'This server answers only to 127.0.0.1 and localhost'));
    next();
  };
}

/**
 * Trades a `?token=` in a page URL for an HttpOnly SameSite=Strict cookie and redirects to the
 * same URL without it, so the token does not stay in the address bar or the history.
 */
export function tokenExchange(session: Session): RequestHandler {
  return (req, res, next) => {
    const token = typeof req.query.token === 'string' ? req.query.token : undefined;
    if (req.method !== 'GET' || token === undefined || req.path.startsWith('/api/')) return next();
    if (!session.matches(token)) return sendError(res, new DomainError('unauthorized', 'This link is out of date; use the newest one Revive printed'));
    res.cookie(SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'strict', path: '/' });
    const url = new URL(req.originalUrl, 'http://x');
    url.searchParams.delete('token');
    res.redirect(303, url.pathname + url.search);
  };
}

/** `/api/*` needs the cookie or a bearer token; cookie-authenticated writes need our Origin too. */
export function apiGuard(session: Session, port: () => number): RequestHandler {
  return (req, res, next) => {
    const how = session.authenticate(req);
    if (!how) return sendError(res, new DomainError('unauthorized', 'Open Revive from the link it printed (it carries the session token)'));
    if (!SAFE_METHODS.has(req.method)) {
      const origin = req.headers.origin;
      const ok = origin === undefined ? how === 'bearer' : originAllowed(origin, port());
      if (!ok) return sendError(res, new DomainError('forbidden', 'Writes are accepted only from the Revive window'));
      // req.is() is null when there is no body, false when the body is of another type. Uploads
      // (spreadsheets, images) come as octet-stream: like JSON, a type no cross-site form can send
      // without a CORS preflight.
      // A write with no body (start/stop buttons) is sent by browsers with Content-Length: 0 and no
      // type; there is nothing to check, and the Origin check above still applies.
      const empty = req.headers['content-length'] === '0' && req.headers['transfer-encoding'] === undefined;
      if (!empty && req.is(['application/json', 'application/octet-stream']) === false) {
        return sendError(res, new DomainError('unsupported_media_type', 'Send JSON (Content-Type: application/json), or a file as application/octet-stream'));
      }
    }
    next();
  };
}
