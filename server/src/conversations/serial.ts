/**
 * One job at a time per key, keys side by side: a shopper's messages are answered in order, one
 * reply at a time, while other shoppers are answered in parallel. A failed job does not block
 * the next one of the same key.
 */
export class KeyedSerial {
  readonly #tails = new Map<number | string, Promise<unknown>>();

  run<T>(key: number | string, job: () => Promise<T>): Promise<T> {
    const prev = this.#tails.get(key) ?? Promise.resolve();
    const next = prev.then(job, job);
    const tail = next.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return next;
  }

  /** Resolves when no job is queued or running. */
  async idle(): Promise<void> {
    while (this.#tails.size > 0) await Promise.all([...this.#tails.values()]);
  }
}
