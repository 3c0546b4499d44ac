export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 1_000, maxMs: 60_000 };

/**
 * The wait before retry number `attempt` (0-based): doubling from `initialMs` up to `maxMs`, with
 * "equal jitter" (half fixed, half random), so many shop PCs cut off by the same outage do not
 * all knock on the tunnel server in the same second when it comes back.
 */
export function backoffDelay(attempt: number, opts: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const ceiling = Math.min(opts.maxMs, opts.initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
