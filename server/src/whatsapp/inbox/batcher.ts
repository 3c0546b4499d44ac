/**
 * Collects ids and runs them in batches of up to `max`, one batch per turn of the event loop, so
 * a burst of webhooks costs a few transactions instead of one each, and acknowledgements still
 * get their turn between batches.
 */
export class Batcher {
  #items: number[] = [];
  #scheduled = false;
  #idle: (() => void)[] = [];

  constructor(
    private readonly run: (batch: number[]) => void,
    private readonly onError: (err: unknown) => void,
    private readonly max = 64,
  ) {}

  push(ids: number[]): void {
    if (ids.length === 0) return;
    this.#items.push(...ids);
    this.#schedule();
  }

  clear(): void {
    this.#items = [];
  }

  /** Resolves once everything pushed so far has run. */
  idle(): Promise<void> {
    if (!this.#scheduled) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  #schedule(): void {
    if (this.#scheduled) return;
    if (this.#items.length === 0) {
      for (const resolve of this.#idle.splice(0)) resolve();
      return;
    }
    this.#scheduled = true;
    setImmediate(() => {
      const batch = this.#items.splice(0, this.max);
      try {
        this.run(batch);
      } catch (err) {
        this.onError(err);
      } finally {
        this.#scheduled = false;
        this.#schedule();
      }
    });
  }
}
