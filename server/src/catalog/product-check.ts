import { hash } from 'node:crypto';
import { PRODUCT_FIELDS, ProductSchema, productIssues, type Product } from '../contracts/index.js';

/**
 * The hash of everything a product says (all fields but updatedAt, in a fixed order), so an
 * import can tell "unchanged" from "updated" without comparing field by field.
 */
export function contentHash(p: Product): string {
  return hash('sha1', JSON.stringify(PRODUCT_FIELDS.map((f) => p[f])), 'hex');
}

export type Checked = { ok: true; product: Product } | { ok: false; path: string; message: string; issues: { path: string; message: string }[] };

/** The full product check (field rules, then the rules across fields) used by the API and the importer. */
export function checkProduct(input: unknown): Checked {
  const parsed = ProductSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '_', message: i.message }));
    return { ok: false, ...issues[0]!, issues };
  }
  // The stored time is the repository's to set; the parsed object is ours, so drop it in place.
  const product: Product = parsed.data;
  delete product.updatedAt;
  const issues = productIssues(product).map((i) => ({ path: i.path as string, message: i.message }));
  if (issues.length > 0) return { ok: false, ...issues[0]!, issues };
  return { ok: true, product };
}
