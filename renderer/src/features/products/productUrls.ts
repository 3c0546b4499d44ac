import { fillPath } from '../../api/client';
import { catalogFiles, type Product } from '../../api/contracts';

/** The product's picture (the server draws a placeholder when there is none); `v` busts the cache after an upload. */
export function productImageUrl(product: Pick<Product, 'sku' | 'updatedAt'>): string {
  const version = product.updatedAt ? `?v=${encodeURIComponent(product.updatedAt)}` : '';
  return fillPath(catalogFiles.productImage, { sku: product.sku }) + version;
}

export function rejectedRowsUrl(importId: string): string {
  return fillPath(catalogFiles.rejectedRowsCsv, { id: importId });
}
