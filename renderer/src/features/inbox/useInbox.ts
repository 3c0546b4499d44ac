import { useCallback, useEffect, useRef, useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import type { InboxThreadDetail, InboxThreadList, LiveMessage } from '../../api/contracts';
import { useLiveMessages } from '../../api/LiveContext';

/** Dispatched on `window` when a thread was opened (read): the nav badge refreshes. */
export const INBOX_READ_EVENT = 'revive:inbox-read';

const MOVES = new Set(['INBOUND', 'OUTBOUND', 'HANDOFF', 'TOOL']);
/** Live messages that change the Inbox: a handoff, a message in or out, the owner handing back. */
export const changesInbox = (m: LiveMessage) => m.type === 'inbox.alert' || (m.type === 'conversation.event' && MOVES.has(m.event.type) && (m.event.type !== 'TOOL' || m.event.data.name === 'hand_back'));

/** The Inbox list, reloaded when a thread is handed off or a conversation moves (the newest request wins). */
export function useInboxList() {
  const client = useApiClient();
  const [data, setData] = useState<InboxThreadList>();
  const [error, setError] = useState<unknown>();
  const generation = useRef(0);

  const load = useCallback(() => {
    const mine = ++generation.current;
    client
      .call('listInboxThreads')
      .then((r) => {
        if (mine !== generation.current) return;
        setData(r);
        setError(undefined);
      })
      .catch((err: unknown) => {
        if (mine === generation.current) setError(err);
      });
  }, [client]);
  useEffect(load, [load]);
  useLiveMessages((m) => {
    if (changesInbox(m)) load();
  });
  return { data, error, reload: load };
}

/** One thread with its history; opening it marks it read. Reloads when its conversation moves. */
export function useInboxThread(id: number | null) {
  const client = useApiClient();
  const [loaded, setLoaded] = useState<{ id: number; thread: InboxThreadDetail } | null>(null);
  const [error, setError] = useState<unknown>();

  const load = useCallback(() => {
    if (id === null) return;
    client
      .call('getInboxThread', { params: { id: String(id) } })
      .then((t) => {
        setLoaded({ id: t.id, thread: t });
        setError(undefined);
        window.dispatchEvent(new Event(INBOX_READ_EVENT));
      })
      .catch((err: unknown) => setError(err));
  }, [client, id]);
  useEffect(load, [load]);
  useLiveMessages((m) => {
    if (m.type === 'conversation.event' && m.event.threadId === id) load();
    if (m.type === 'inbox.alert' && m.threadId === id) load();
  });
  const setThread = useCallback((t: InboxThreadDetail) => setLoaded({ id: t.id, thread: t }), []);
  // another thread's history is never shown while the chosen one loads
  return { thread: loaded && loaded.id === id ? loaded.thread : null, error, reload: load, setThread };
}
