export interface InboxWork {
  id: number;
  senderKey: string;
}

/**
 * Runs inbound messages one at a time per shopper (their lane) and lanes side by side, at most
 * `maxLanes` at once. It only orders work; what a step does (contact, window, handler, retries)
 * is the service's. Between two steps it yields to I/O, so acknowledging webhooks comes first.
 */
export class InboxProcessor {
  readonly #lanes = new Map<string, number[]>();
  readonly #queued = new Set<number>();
  readonly #ready: string[] = [];
  readonly #running = new Map<string, Promise<void>>();
  readonly #wakers = new Set<() => void>();
  #started = false;
  #stopping = false;

  constructor(
    private readonly step: (id: number) => Promise<void>,
    private readonly onError: (err: unknown, id: number) => void,
    private readonly maxLanes = 8,
  ) {}

  get running(): boolean {
    return this.#started && !this.#stopping;
  }

  start(): void {
    this.#started = true;
    this.#stopping = false;
  }

  /** Queues work unless it is queued already; ignored when not running (start() re-reads the database). */
  enqueue(items: InboxWork[]): void {
    if (!this.running) return;
    for (const { id, senderKey } of items) {
      if (this.#queued.has(id)) continue;
      this.#queued.add(id);
      const lane = this.#lanes.get(senderKey);
      if (lane) lane.push(id);
      else this.#lanes.set(senderKey, [id]);
      if (!this.#running.has(senderKey) && !this.#ready.includes(senderKey)) this.#ready.push(senderKey);
    }
    this.#pump();
  }

  /** Waits, unless the processor stops first; false then (the work stays in the database for the next start). */
  sleep(ms: number): Promise<boolean> {
    if (!this.running) return Promise.resolve(false);
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.#wakers.delete(wake);
        resolve(this.running);
      };
      const timer = setTimeout(wake, ms);
      this.#wakers.add(wake);
    });
  }

  /** Stops taking work; waits up to `graceMs` for steps in progress. */
  async stop(graceMs = 5_000): Promise<void> {
    this.#stopping = true;
    for (const wake of [...this.#wakers]) wake();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled(this.#running.values()), new Promise((r) => (timer = setTimeout(r, graceMs)))]);
    clearTimeout(timer);
    this.#lanes.clear();
    this.#queued.clear();
    this.#ready.length = 0;
  }

  /** Resolves when nothing is queued or running (tests, benchmarks). */
  async idle(): Promise<void> {
    while (this.running && (this.#running.size > 0 || this.#ready.length > 0)) await Promise.allSettled([...this.#running.values()]);
  }

  #pump(): void {
    while (this.running && this.#running.size < this.maxLanes && this.#ready.length > 0) {
      const key = this.#ready.shift() as string;
      this.#running.set(key, this.#runLane(key));
    }
  }

  async #runLane(key: string): Promise<void> {
    await new Promise<void>((r) => setImmediate(r));
    for (;;) {
      const id = this.#lanes.get(key)?.shift();
      if (id === undefined || !this.running) break;
      try {
        await this.step(id);
      } catch (err) {
        this.onError(err, id);
      } finally {
        this.#queued.delete(id);
      }
      await new Promise<void>((r) => setImmediate(r));
    }
    this.#running.delete(key);
    if (this.#lanes.get(key)?.length) {
      if (this.running) this.#ready.push(key);
    } else {
      this.#lanes.delete(key);
    }
    this.#pump();
  }
}
