import { DomainError } from '../../shared/errors.js';
import { graphCaller } from '../client/index.js';
import type { MetaItemData } from './items.js';

export interface BatchRequest {
  method: 'CREATE' | 'UPDATE' | 'DELETE';
  data: MetaItemData | { id: string };
}

export interface BatchStatus {
  /** Meta's words: in_progress, finished, error… */
  status: string;
  /** Per-item problems: retailer id → Meta's messages. */
  errors: Map<string, string[]>;
}

export interface CatalogGraph {
  itemsBatch(catalogId: string, requests: BatchRequest[]): Promise<{ handles: string[]; errors: Map<string, string[]> }>;
  batchStatus(catalogId: string, handle: string): Promise<BatchStatus>;
  /** Every retailer id the catalog holds (follows Meta's paging). */
  retailerIds(catalogId: string): Promise<Set<string>>;
}

export interface CatalogGraphConfig {
  graphUrl: string;
  apiVersion: string;
  accessToken: string | undefined;
}

type ItemErrors = { id?: string; retailer_id?: string; message?: string; errors?: { message?: string }[] }[];

function collect(into: Map<string, string[]>, list: ItemErrors | undefined): void {
  for (const e of list ?? []) {
    const id = e.id ?? e.retailer_id;
    if (!id) continue;
    const messages = e.errors ? e.errors.map((x) => x.message ?? 'Refused') : [e.message ?? 'Refused'];
    if (messages.length) into.set(id, [...(into.get(id) ?? []), ...messages]);
  }
}

/** The Commerce catalog endpoints over HTTP, with the same error mapping as the messaging client. */
export function createCatalogGraph(config: () => CatalogGraphConfig, doFetch: typeof fetch = fetch, timeoutMs = 60_000): CatalogGraph {
  const request = graphCaller(doFetch, timeoutMs);
  function call<T>(path: string, init: RequestInit = {}): Promise<T> {
    const c = config();
    if (!c.accessToken) throw new DomainError('not_configured', 'WhatsApp is not connected yet: the access token is missing (Settings → WhatsApp)');
    return request<T>(path.startsWith('http') ? path : `${c.graphUrl.replace(/\/+$/, '')}/${c.apiVersion}${path}`, { ...init, token: c.accessToken });
  }
  const id = (catalogId: string) => encodeURIComponent(catalogId);

  return {
    async itemsBatch(catalogId, requests) {
      const res = await call<{ handles?: string[]; validation_status?: ItemErrors }>(`/${id(catalogId)}/items_batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ item_type: 'PRODUCT_ITEM', requests }),
      });
      const errors = new Map<string, string[]>();
      collect(errors, res.validation_status);
      return { handles: res.handles ?? [], errors };
    },
    async batchStatus(catalogId, handle) {
      const res = await call<{ data?: { status?: string; errors?: ItemErrors }[] }>(`/${id(catalogId)}/check_batch_request_status?handle=${encodeURIComponent(handle)}&load_ids_of_invalid_requests=true`);
      const first = res.data?.[0];
      const errors = new Map<string, string[]>();
      collect(errors, first?.errors);
      return { status: first?.status ?? 'unknown', errors };
    },
    async retailerIds(catalogId) {
      const out = new Set<string>();
      let next: string | undefined = `/${id(catalogId)}/products?fields=retailer_id&limit=1000`;
      for (let pages = 0; next && pages < 1000; pages += 1) {
        const res: { data?: { retailer_id?: string }[]; paging?: { next?: string } } = await call(next);
        for (const p of res.data ?? []) if (p.retailer_id) out.add(p.retailer_id);
        next = res.paging?.next;
      }
      return out;
    },
  };
}
