import { randomBytes, timingSafeEqual } from 'node:crypto';
import { parse as parseCookie } from 'cookie';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'revive_session';

/** The admin session: one random token per server start, shown only in the admin URL. */
export class Session {
  readonly token: string;
  constructor(token = randomBytes(24).toString('base64url')) {
    this.token = token;
  }

  matches(candidate: string | undefined): boolean {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(this.token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /** How the request proved itself: by the cookie, by a bearer token, or not at all. */
  authenticate(req: IncomingMessage): 'cookie' | 'bearer' | null {
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ') && this.matches(auth.slice(7).trim())) return 'bearer';
    const cookies = parseCookie(req.headers.cookie ?? '');
    if (this.matches(cookies[SESSION_COOKIE])) return 'cookie';
    return null;
  }
}
