import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import type { Deal, DealStage } from '../../api/contracts';
import { useLiveMessages } from '../../api/LiveContext';
import { applyMove } from './pipelineMoves';

/**
 * The board's deals: loaded once, reloaded on every `pipeline.deal` live message, and moved
 * optimistically (the card jumps at once; if the server says no it goes back, with the reason).
 */
export function usePipeline() {
  const client = useApiClient();
  const [deals, setDeals] = useState<Deal[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);
  const pendingMoves = useRef(0);

  const load = useCallback(() => {
    const mine = ++generation.current;
    client
      .call('listDeals', { query: {} })
      .then((r) => {
        // a move in flight owns the board until the server answers it
        if (mine === generation.current && pendingMoves.current === 0) {
          setDeals(r.deals);
          setError(null);
        }
      })
      .catch((err: unknown) => {
        if (mine === generation.current) setError(err);
      });
  }, [client]);
  useEffect(load, [load]);
  useLiveMessages((m) => {
    if (m.type === 'pipeline.deal') load();
  });

  const move = useCallback(
    async (deal: Deal, stage: DealStage, position: number, reason?: string) => {
      const before = deals;
      if (!before) return;
      setDeals(applyMove(before, deal.id, stage, position));
      pendingMoves.current += 1;
      try {
        await client.call('moveDeal', { params: { id: String(deal.id) }, body: { stage, position, ...(reason ? { reason } : {}) } });
        pendingMoves.current -= 1;
        load();
      } catch (err) {
        pendingMoves.current -= 1;
        setDeals(before);
        notifications.show({ color: 'red', title: `“${deal.title}” did not move`, message: err instanceof Error ? err.message : String(err) });
      }
    },
    [client, deals, load],
  );

  return { deals, error, reload: load, move };
}
