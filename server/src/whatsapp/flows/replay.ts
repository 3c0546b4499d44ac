/**
 * Remembers the digests (flow token + IV) of the requests answered in the last `windowMs`: Meta
 * draws a fresh IV per request, so the same pair again is a replay. Bounded: past `max` entries
 * the oldest go first. In memory only — a restart forgets, which the short window makes harmless
 * (Meta's requests older than the window are stale anyway: the client waits 10 s at most).
 */
export function createReplayGuard(opts: { windowMs?: number; max?: number; now?: () => number } = {}) {
  const windowMs = opts.windowMs ?? 10 * 60_000;
  const max = opts.max ?? 20_000;
  const now = opts.now ?? Date.now;
  const seen = new Map<string, number>();

  function prune(t: number): void {
    for (const [k, at] of seen) {
      if (t - at < windowMs && seen.size <= max) break;
      seen.delete(k);
    }
  }

  return {
    /** True the first time a digest is seen in the window; false for a replay. */
    firstTime(digest: string): boolean {
      const t = now();
      prune(t);
      if (seen.has(digest)) return false;
      seen.set(digest, t);
      return true;
    },
    get size(): number {
      return seen.size;
    },
  };
}
