import { ProductCreateSchema, ProductPatchSchema, type Product, type ProductList } from '../contracts/index.js';
import { DomainError, fieldErrors } from '../shared/errors.js';
import { nowIso } from '../shared/time.js';
import type { CatalogChange, CatalogChanges } from './changes.js';
import { normaliseImage, placeholderSvg, type ImageStore } from './images.js';
import { checkProduct, contentHash } from './product-check.js';
import type { ProductRepo } from './product.repo.js';

export interface ProductServiceDeps {
  repo: ProductRepo;
  images: ImageStore;
  changes: CatalogChanges;
  /** After each committed edit (the live stream's `catalog.changed`). */
  published(change: CatalogChange): void;
}

function invalid(issues: { path: string; message: string }[]): DomainError {
  const fields: Record<string, string> = {};
  for (const i of issues) fields[i.path] ??= i.message;
  return new DomainError('validation', 'Some product details need fixing', fields);
}

/**
 * Products one at a time, as the Products screen and the API edit them. Every write is checked with
 * the same rules as an import, hashed, and announced after it commits.
 */
export function createProductService({ repo, images, changes, published }: ProductServiceDeps) {
  function announce(change: CatalogChange): void {
    changes.emit(change);
    published(change);
  }

  function need(sku: string) {
    const found = repo.get(sku);
    if (!found) throw new DomainError('not_found', `There is no product with SKU "${sku}"`);
    return found;
  }

  /** Saves a checked product if it differs from what is stored; returns what is stored now. */
  function save(product: Product, existingHash: string | null): Product {
    const hash = contentHash(product);
    if (hash === existingHash) return need(product.sku).product;
    const time = nowIso();
    if (existingHash === null) repo.insert(product, hash, time);
    else repo.update(product, hash, time);
    announce({ upserted: [product.sku], deleted: [] });
    return need(product.sku).product;
  }

  return {
    list(): ProductList {
      const products = repo.all();
      return { products, total: products.length };
    },
    get(sku: string): Product {
      return need(sku).product;
    },
    count(): number {
      return repo.count();
    },
    create(input: unknown): Product {
      const parsed = ProductCreateSchema.safeParse(input);
      if (!parsed.success) throw new DomainError('validation', 'Some product details need fixing', fieldErrors(parsed.error.issues));
      if (repo.get(parsed.data.sku)) throw new DomainError('conflict', `A product with SKU "${parsed.data.sku}" already exists`, { sku: 'This SKU is taken' });
      const checked = checkProduct({ ...parsed.data, images: [] });
      if (!checked.ok) throw invalid(checked.issues);
      return save(checked.product, null);
    },
    /** Changes the given fields; the SKU and images stay (images have their own routes). */
    update(sku: string, patch: unknown): Product {
      const parsed = ProductPatchSchema.safeParse(patch);
      if (!parsed.success) throw new DomainError('validation', 'Some product details need fixing', fieldErrors(parsed.error.issues));
      const existing = need(sku);
      const checked = checkProduct({ ...existing.product, ...parsed.data, sku: existing.product.sku, images: existing.product.images });
      if (!checked.ok) throw invalid(checked.issues);
      return save(checked.product, existing.hash);
    },
    /**
     * New prices for many products in one transaction and one change announcement (so search and
     * the Meta sync run once for a rate change, not once per product). A product whose other fields
     * no longer pass the checks is refused alone, with the reason.
     */
    updatePrices(changes: { sku: string; price: number }[]): { updated: string[]; refused: { sku: string; reason: string }[] } {
      const updated: string[] = [];
      const refused: { sku: string; reason: string }[] = [];
      repo.transaction(() => {
        const time = nowIso();
        for (const c of changes) {
          const existing = repo.get(c.sku);
          if (!existing) {
            refused.push({ sku: c.sku, reason: `There is no product with SKU "${c.sku}"` });
            continue;
          }
          const checked = checkProduct({ ...existing.product, price: c.price });
          if (!checked.ok) {
            refused.push({ sku: existing.product.sku, reason: checked.issues.map((i) => `${i.path}: ${i.message}`).join('; ') });
            continue;
          }
          const hash = contentHash(checked.product);
          if (hash === existing.hash) continue;
          repo.update(checked.product, hash, time);
          updated.push(existing.product.sku);
        }
      });
      if (updated.length) announce({ upserted: updated, deleted: [] });
      return { updated, refused };
    },
    delete(sku: string): { sku: string; deleted: true } {
      const existing = need(sku);
      repo.delete(existing.product.sku);
      images.remove(existing.product.images);
      announce({ upserted: [], deleted: [existing.product.sku] });
      return { sku: existing.product.sku, deleted: true };
    },
    /** Stores an uploaded photo (PNG, JPEG or WebP, ≤ 1200 px) as the product's image. */
    async setImage(sku: string, bytes: Buffer): Promise<Product> {
      need(sku);
      const img = await normaliseImage(bytes);
      const existing = need(sku);
      const rel = images.pathFor(existing.product.sku, img);
      const written = images.write(rel, img);
      const old = existing.product.images.filter((i) => i !== rel);
      try {
        const saved = save({ ...existing.product, images: [rel] }, existing.hash);
        images.remove(old);
        return saved;
      } catch (err) {
        if (written) images.remove([rel]);
        throw err;
      }
    },
    removeImage(sku: string): Product {
      const existing = need(sku);
      const saved = save({ ...existing.product, images: [] }, existing.hash);
      images.remove(existing.product.images);
      return saved;
    },
    /** The file to send for `GET /api/products/:sku/image`, or the drawn placeholder. */
    image(sku: string): { file: string } | { svg: string } {
      const { product } = need(sku);
      const file = images.fileOf(product);
      return file ? { file } : { svg: placeholderSvg(product) };
    },
  };
}
export type ProductService = ReturnType<typeof createProductService>;
