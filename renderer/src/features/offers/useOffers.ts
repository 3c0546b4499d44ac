import { useCallback, useEffect, useRef, useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import { OFFER_TOOL, type Approval, type Coupon, type CouponStatus, type LiveMessage } from '../../api/contracts';
import { useLiveMessages } from '../../api/LiveContext';

/** Loads a list, again on the live messages that concern it; the last answer wins. */
function useLiveList<T>(load: () => Promise<T>, concerns: (m: LiveMessage) => boolean) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);
  const reload = useCallback(() => {
    const mine = ++generation.current;
    load()
      .then((r) => {
        if (mine !== generation.current) return;
        setData(r);
        setError(null);
      })
      .catch((err: unknown) => {
        if (mine === generation.current) setError(err);
      });
  }, [load]);
  useEffect(reload, [reload]);
  useLiveMessages((m) => {
    if (concerns(m)) reload();
  });
  return { data, error, reload };
}

/** Discount requests waiting for the owner, kept fresh by `offers.approval` live messages. */
export function usePendingApprovals() {
  const client = useApiClient();
  const load = useCallback(() => client.call('listApprovals', { query: { status: 'pending' } }).then((r) => r.approvals), [client]);
  return useLiveList<Approval[]>(load, (m) => m.type === 'offers.approval');
}

/** Coupons, filtered by status; a decided approval (a new code) reloads them. */
export function useCoupons(status: CouponStatus | null, q: string) {
  const client = useApiClient();
  const load = useCallback(
    () => client.call('listCoupons', { query: { ...(status ? { status } : {}), ...(q.trim() ? { q: q.trim() } : {}) } }).then((r) => r.coupons),
    [client, status, q],
  );
  // a decided approval, or an agent's offer (its tool step) makes a new code
  return useLiveList<Coupon[]>(load, (m) => m.type === 'offers.approval' || (m.type === 'conversation.event' && m.event.type === 'TOOL' && m.event.data.name === OFFER_TOOL));
}
