import type { Obj } from './payload';

/** What the phone's bottom sheet shows: a list message's rows, a product list, or one product's page. */
export type Sheet =
  | { kind: 'list'; message: Obj; messageId: string | undefined }
  | { kind: 'products'; message: Obj; messageId: string | undefined }
  | { kind: 'product'; sku: string; catalogId: string };
