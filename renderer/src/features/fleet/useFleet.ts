import { useEffect, useMemo } from 'react';
import { useLiveClient, useLiveMessages } from '../../api/LiveContext';
import { useApi } from '../../api/useApi';
import { throttle } from './fleetFormat';

/** How often, at most, a busy store refetches the Fleet. */
export const FLEET_REFRESH_MS = 2000;

/**
 * The Fleet's cards, kept fresh: refetched (at most every 2 s) when an agent changes or one of
 * the agents on the cards does something (an `ops.event`, or a conversation step).
 */
export function useFleet() {
  const fleet = useApi('getFleet');
  const live = useLiveClient();
  const { reload } = fleet;
  const refresh = useMemo(() => throttle(reload, FLEET_REFRESH_MS), [reload]);
  useEffect(() => () => refresh.cancel(), [refresh]);

  // Only new events matter here: subscribe from now, no history.
  useEffect(() => {
    live?.subscribeOps({});
    return () => live?.unsubscribeOps();
  }, [live]);

  const ids = new Set(fleet.data?.cards.map((c) => c.agent.id));
  useLiveMessages((message) => {
    if (message.type === 'agents.changed') refresh.call();
    else if (message.type === 'ops.event' && message.event.agentId !== null && ids.has(message.event.agentId)) refresh.call();
    else if (message.type === 'conversation.event' && message.event.agentId !== null && ids.has(message.event.agentId)) refresh.call();
  });
  return fleet;
}
