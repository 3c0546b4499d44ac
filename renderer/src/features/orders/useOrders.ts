import { useCallback, useEffect, useRef, useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import type { Order, OrderStatus } from '../../api/contracts';
import { useLiveMessages } from '../../api/LiveContext';

/** The orders list, filtered by status: loaded, and loaded again on every `orders.changed` live message. */
export function useOrders(status: OrderStatus | null) {
  const client = useApiClient();
  const [orders, setOrders] = useState<Order[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);
  const load = useCallback(() => {
    const mine = ++generation.current;
    client
      .call('listOrders', { query: status ? { status } : {} })
      .then((r) => {
        if (mine !== generation.current) return;
        setOrders(r.orders);
        setError(null);
      })
      .catch((err: unknown) => {
        if (mine === generation.current) setError(err);
      });
  }, [client, status]);
  useEffect(load, [load]);
  const [changed, setChanged] = useState(0);
  useLiveMessages((m) => {
    if (m.type !== 'orders.changed') return;
    load();
    setChanged((n) => n + 1);
  });
  return { orders, error, reload: load, changed };
}
