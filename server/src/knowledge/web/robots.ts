import robotsParser from 'robots-parser';
import { fetchPage, PageError, USER_AGENT, type FetchPageOptions } from './fetch-page.js';

/**
 * robots.txt as the site wrote it, for user agent "ReviveBot". A missing one (4xx) allows
 * everything; a server error (5xx) means we cannot know what the owner allows, so the site is
 * not read at all (the careful reading of RFC 9309 §2.3.1.4).
 */

export interface Robots {
  allowed(url: URL): boolean;
}

const ALLOW_ALL: Robots = { allowed: () => true };
const MAX_ROBOTS_BYTES = 512 * 1024;

/** Why robots.txt stopped the whole site. */
export class RobotsError extends Error {}

// robots-parser's types declare an ES default export; at runtime (CommonJS) the default import is the function itself.
const parse = robotsParser as unknown as (url: string, contents: string) => { isAllowed(url: string, ua?: string): boolean | undefined };

export async function loadRobots(origin: URL, opts: Omit<FetchPageOptions, 'accept' | 'maxBytes'>): Promise<Robots> {
  const url = new URL('/robots.txt', origin).href;
  try {
    const page = await fetchPage(url, { ...opts, maxBytes: MAX_ROBOTS_BYTES, accept: () => true });
    const robots = parse(url, page.body);
    // A URL on another origin (www. vs bare) answers undefined: that origin has its own robots.txt.
    return { allowed: (u) => robots.isAllowed(u.href, USER_AGENT) !== false };
  } catch (err) {
    if (!(err instanceof PageError)) throw err;
    if (err.kind === 'http' && err.status !== undefined && err.status >= 500) {
      throw new RobotsError(`The site's robots.txt answered HTTP ${err.status}, so we cannot tell what the site allows; nothing was read (try again later)`);
    }
    if (err.kind === 'timeout' || err.kind === 'network' || err.kind === 'stopped') throw err;
    // 4xx, a redirect elsewhere, a huge or odd file: treated as no robots.txt.
    return ALLOW_ALL;
  }
}
