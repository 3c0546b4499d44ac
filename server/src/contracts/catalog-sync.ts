import { z } from 'zod';

/**
 * Catalog sync (issue #8, part 1): the store's products pushed to its Meta commerce catalog with
 * the batch API, so product messages can show them. Per SKU: synced, pending or failed (with
 * Meta's reason); a re-sync sends only what changed since Meta last accepted it.
 */
export const SYNC_ITEM_STATUSES = ['synced', 'pending', 'failed'] as const;
export const SyncItemStatusSchema = z.enum(SYNC_ITEM_STATUSES);
export type SyncItemStatus = z.infer<typeof SyncItemStatusSchema>;

export const SyncItemSchema = z.object({
  sku: z.string(),
  /** The product's name, or null when the product was deleted and its removal waits. */
  name: z.string().nullable(),
  status: SyncItemStatusSchema,
  /** Meta's words for why it refused the item, or why it could not be sent. */
  reason: z.string().nullable(),
  lastSyncedAt: z.string().nullable(),
});
export type SyncItem = z.infer<typeof SyncItemSchema>;

export const SyncRunSchema = z.object({
  id: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  state: z.enum(['running', 'done', 'error']),
  created: z.number().int(),
  updated: z.number().int(),
  deleted: z.number().int(),
  failed: z.number().int(),
  unchanged: z.number().int(),
  /** Why the run itself failed (no connection, Meta refused the call). */
  error: z.string().nullable(),
});
export type SyncRun = z.infer<typeof SyncRunSchema>;

export const CatalogSyncStatusSchema = z.object({
  /** The Meta catalog products go to; null when none is connected (Settings → WhatsApp). */
  catalogId: z.string().nullable(),
  counts: z.object({ synced: z.number().int(), pending: z.number().int(), failed: z.number().int() }),
  /** Products Meta refused or that could not be sent, with the reason. */
  failed: z.array(SyncItemSchema),
  /** SKU → status for every product, for the Products grid's badge. */
  bySku: z.record(z.string(), SyncItemStatusSchema),
  lastRun: SyncRunSchema.nullable(),
  running: z.boolean(),
});
export type CatalogSyncStatus = z.infer<typeof CatalogSyncStatusSchema>;

export const catalogSyncApi = {
  getCatalogSync: { method: 'GET', path: '/api/catalog-sync', request: z.void(), response: CatalogSyncStatusSchema },
  /** "Sync now": runs a sync (changes only; `full` re-checks what Meta holds first) and answers with the run. */
  runCatalogSync: {
    method: 'POST',
    path: '/api/catalog-sync/run',
    request: z.object({ full: z.boolean().default(false) }).default({ full: false }),
    response: z.object({ run: SyncRunSchema, status: CatalogSyncStatusSchema }),
  },
} as const;
