/**
 * Group commit: webhook bodies verified in the same turn of the event loop are stored in one
 * transaction, and each request is answered only after that commit, so nothing is acknowledged
 * before it is durable. Under load one commit serves many requests; a lone request waits only
 * for the end of the current turn. If the group's transaction fails, each body is stored on its
 * own, so one bad body cannot fail the others.
 */
export class GroupCommit<I, O> {
  #queue: { input: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  #scheduled = false;

  constructor(
    private readonly storeAll: (inputs: I[]) => O[],
    private readonly storeOne: (input: I) => O,
    private readonly max = 128,
  ) {}

  submit(input: I): Promise<O> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ input, resolve, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled || this.#queue.length === 0) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      this.#flush(this.#queue.splice(0, this.max));
      this.#schedule();
    });
  }

  #flush(group: { input: I; resolve: (o: O) => void; reject: (e: unknown) => void }[]): void {
    let outputs: O[];
    try {
      outputs = this.storeAll(group.map((g) => g.input));
    } catch {
      for (const g of group) {
        try {
          g.resolve(this.storeOne(g.input));
        } catch (err) {
          g.reject(err);
        }
      }
      return;
    }
    group.forEach((g, i) => g.resolve(outputs[i] as O));
  }
}
