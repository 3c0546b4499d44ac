import { useCallback, useEffect, useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import type { MetalRates, PricedProduct, RatesState } from '../../api/contracts';
import { useLiveMessages } from '../../api/LiveContext';

/** The Gold rate screen's data: today's rates and feed, the history and the products with a metal; reloaded on `commerce.rates` and `catalog.changed`. */
export function useRates() {
  const client = useApiClient();
  const [state, setState] = useState<RatesState | null>(null);
  const [history, setHistory] = useState<MetalRates[]>([]);
  const [products, setProducts] = useState<PricedProduct[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    Promise.all([client.call('getRates'), client.call('rateHistory'), client.call('listPricing')])
      .then(([s, h, p]) => {
        setState(s);
        setHistory(h.history);
        setProducts(p.products);
        setError(null);
      })
      .catch((err: unknown) => setError(err));
  }, [client]);
  useEffect(load, [load]);
  useLiveMessages((m) => {
    if (m.type === 'commerce.rates' || m.type === 'catalog.changed') load();
  });
  return { state, history, products, error, reload: load };
}
