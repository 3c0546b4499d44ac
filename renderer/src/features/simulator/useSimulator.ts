import { useCallback, useEffect, useRef, useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import { useLiveMessages } from '../../api/LiveContext';
import type { ThreadMessage } from '../../api/contracts';
import type { Obj } from './payload';
import type { ShopperMessage } from './shopperMessages';

export interface ChatItem {
  key: string;
  side: 'agent' | 'shopper';
  /** Agent: the Cloud API object; shopper: what was sent. */
  payload: Obj;
  /** The shopper's words as shown in their bubble. */
  text: string;
  at: string;
  /** The thread's id of the message, quoted back by taps on its buttons. */
  messageId: string | undefined;
  state: 'sent' | 'sending' | 'failed';
  error?: string;
}

const fromThread = (m: ThreadMessage): ChatItem => ({
  key: `t${m.id}`,
  side: m.direction === 'in' ? 'shopper' : 'agent',
  payload: m.payload,
  text: m.text,
  at: m.at,
  messageId: m.messageId,
  state: 'sent',
});

/**
 * The simulator's conversation with one agent, through the real engine: the thread so far, send
 * (text or a tap), the agent's replies, inline failures with retry, and reset.
 */
export function useSimulator(agentId: number) {
  const client = useApiClient();
  const [items, setItems] = useState<ChatItem[]>([]);
  const [loadError, setLoadError] = useState<unknown>();
  const [waiting, setWaiting] = useState(false);
  const counter = useRef(0);
  const alive = useRef(true);

  const fetchThread = useCallback(async () => {
    const { thread } = await client.call('simulatorThread', { query: { agentId } });
    return thread ? thread.messages.map(fromThread) : [];
  }, [client, agentId]);

  // The thread loads on open and on reload; loading until the current generation has settled.
  const [generation, setGeneration] = useState(0);
  const [settled, setSettled] = useState(-1);
  useEffect(() => {
    let current = true;
    fetchThread()
      .then((next) => {
        if (!current) return;
        setItems(next);
        setLoadError(undefined);
      })
      .catch((err: unknown) => current && setLoadError(err))
      .finally(() => current && setSettled(generation));
    return () => {
      current = false;
    };
  }, [fetchThread, generation]);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  const load = useCallback(() => setGeneration((g) => g + 1), []);
  // The owner's replies from the Inbox land in the thread: shown as they come, without a loading flash.
  useLiveMessages((m) => {
    if (m.type !== 'conversation.event' || m.event.type !== 'OUTBOUND' || m.event.data.by !== 'owner') return;
    fetchThread().then((next) => alive.current && setItems(next), () => undefined);
  });
  const loading = settled !== generation;

  const deliver = useCallback(
    async (key: string, message: ShopperMessage) => {
      setWaiting(true);
      const patch = (change: Partial<ChatItem>) => setItems((list) => list.map((i) => (i.key === key ? { ...i, ...change } : i)));
      patch({ state: 'sending', error: undefined });
      try {
        const result = await client.call('simulatorSend', { body: { agentId, message } });
        if (!alive.current) return;
        const now = new Date().toISOString();
        const replies: ChatItem[] = result.replies.map((payload) => ({ key: `r${++counter.current}`, side: 'agent', payload, text: '', at: now, messageId: undefined, state: 'sent' }));
        // The stored thread carries the message ids that taps quote back; the replies alone are the fallback.
        const thread = await fetchThread().catch(() => null);
        if (!alive.current) return;
        if (thread && thread.length > 0) setItems(thread);
        else setItems((list) => [...list.map((i) => (i.key === key ? { ...i, state: 'sent' as const } : i)), ...replies]);
      } catch (err) {
        if (alive.current) patch({ state: 'failed', error: err instanceof Error ? err.message : 'Something went wrong.' });
      } finally {
        if (alive.current) setWaiting(false);
      }
    },
    [client, agentId, fetchThread],
  );

  const send = useCallback(
    (message: ShopperMessage, shown: string) => {
      const key = `l${++counter.current}`;
      setItems((list) => [...list, { key, side: 'shopper', payload: message, text: shown, at: new Date().toISOString(), messageId: undefined, state: 'sending' }]);
      void deliver(key, message);
    },
    [deliver],
  );

  const retry = useCallback((item: ChatItem) => void deliver(item.key, item.payload), [deliver]);

  const reset = useCallback(async () => {
    await client.call('simulatorReset', { query: { agentId } });
    if (alive.current) setItems([]);
  }, [client, agentId]);

  return { items, loading, loadError, waiting, send, retry, reset, reload: load };
}
