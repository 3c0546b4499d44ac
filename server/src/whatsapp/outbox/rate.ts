/**
 * A token bucket on an injected clock (ms): `capacity` tokens at most, refilled at `perMs`
 * tokens per millisecond. A reply's few messages spend the burst at once; after that they
 * go at the refill rate.
 */
export class TokenBucket {
  #tokens: number;
  #last: number;
  constructor(
    readonly capacity: number,
    readonly perMs: number,
    now: number,
  ) {
    this.#tokens = capacity;
    this.#last = now;
  }

  #refill(now: number): void {
    if (now > this.#last) {
      this.#tokens = Math.min(this.capacity, this.#tokens + (now - this.#last) * this.perMs);
      this.#last = now;
    }
  }

  available(now: number): boolean {
    this.#refill(now);
    return this.#tokens >= 1;
  }

  take(now: number): boolean {
    if (!this.available(now)) return false;
    this.#tokens -= 1;
    return true;
  }

  /** Milliseconds until one token is there. */
  waitMs(now: number): number {
    this.#refill(now);
    return this.#tokens >= 1 ? 0 : Math.ceil((1 - this.#tokens) / this.perMs);
  }

  /** After a rate-limit error: nothing left, so the next send waits a full refill. */
  drain(now: number): void {
    this.#refill(now);
    this.#tokens = Math.min(this.#tokens, 0);
  }

  full(now: number): boolean {
    this.#refill(now);
    return this.#tokens >= this.capacity;
  }
}

/** Exponential backoff with "equal jitter": half the delay fixed, half random, capped. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const d = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(d / 2 + random() * (d / 2));
}

/** The worker's sense of time, injectable so tests never wait real seconds. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const t = setTimeout(fn, Math.max(0, ms));
    t.unref();
    return () => clearTimeout(t);
  },
};
