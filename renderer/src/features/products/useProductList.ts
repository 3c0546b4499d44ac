import { useCallback, useEffect, useRef, useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import { useLiveMessages } from '../../api/LiveContext';
import type { Product } from '../../api/contracts';

/** Changes this screen made itself are already shown; their live echo need not reload everything. */
const OWN_ECHO_MS = 5000;

/**
 * The whole catalog for the grid. Saves update it in place; imports (from the wizard or the
 * watched folder) and changes made elsewhere reload it.
 */
export function useProductList() {
  const client = useApiClient();
  const [products, setProducts] = useState<Product[]>();
  const [error, setError] = useState<unknown>();
  const [generation, setGeneration] = useState(0);
  const own = useRef(new Map<string, number>());

  useEffect(() => {
    const controller = new AbortController();
    client
      .call('listProducts', { signal: controller.signal })
      .then((list) => {
        setProducts(list.products);
        setError(undefined);
      })
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setError(err);
      });
    return () => controller.abort();
  }, [client, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useLiveMessages((message) => {
    if (message.type === 'catalog.imported' && !message.dryRun) reload();
    if (message.type === 'catalog.changed') {
      const now = Date.now();
      const skus = [...message.upserted, ...message.deleted];
      if (!skus.every((sku) => now - (own.current.get(sku) ?? 0) < OWN_ECHO_MS)) reload();
    }
  });

  /** Call before saving a product so its live echo, which may arrive before the answer, is recognised. */
  const markOwn = useCallback((sku: string) => own.current.set(sku, Date.now()), []);

  /** Shows a product the server just saved for this screen. */
  const upsert = useCallback((product: Product) => {
    own.current.set(product.sku, Date.now());
    setProducts((list) => {
      if (!list) return list;
      return list.some((p) => p.sku === product.sku) ? list.map((p) => (p.sku === product.sku ? product : p)) : [...list, product];
    });
  }, []);

  const remove = useCallback((sku: string) => {
    own.current.set(sku, Date.now());
    setProducts((list) => list?.filter((p) => p.sku !== sku));
  }, []);

  return { products, error, loading: products === undefined && error === undefined, reload, upsert, remove, markOwn };
}

export type ProductList = ReturnType<typeof useProductList>;
