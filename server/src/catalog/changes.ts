export interface CatalogChange {
  /** SKUs created or updated (unchanged rows are not listed). */
  upserted: string[];
  deleted: string[];
}
export type CatalogChangeListener = (change: CatalogChange) => void;

/**
 * Who hears about committed product changes (the search index keeps its tables in step through
 * this). Called after the transaction commits, once per edit and once per import batch. A failing
 * listener is reported, never allowed to undo or interrupt the write that already happened.
 */
export class CatalogChanges {
  readonly #listeners = new Set<CatalogChangeListener>();
  constructor(private readonly onListenerError: (err: unknown) => void) {}

  subscribe(listener: CatalogChangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(change: CatalogChange): void {
    if (change.upserted.length === 0 && change.deleted.length === 0) return;
    for (const l of this.#listeners) {
      try {
        l(change);
      } catch (err) {
        this.onListenerError(err);
      }
    }
  }
}
