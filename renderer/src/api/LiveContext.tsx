import { createContext, useCallback, useContext, useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import type { LiveClient, LiveState } from './live';
import type { LiveMessage } from './contracts';

const LiveContext = createContext<LiveClient | null>(null);

/** Runs the given LiveClient while mounted and shares it with the screens below. */
export function LiveProvider({ client, children }: { client: LiveClient; children: ReactNode }) {
  useEffect(() => {
    client.start();
    return () => client.stop();
  }, [client]);
  return <LiveContext.Provider value={client}>{children}</LiveContext.Provider>;
}

/** The live connection's state; 'stopped' when there is no LiveProvider (e.g. in a unit test). */
export function useLive(): { state: LiveState } {
  const client = useContext(LiveContext);
  const subscribe = useCallback((notify: () => void) => (client ? client.onState(notify) : () => {}), [client]);
  const state = useSyncExternalStore(subscribe, () => client?.state ?? 'stopped');
  return { state };
}

/** Calls `handler` for every live message; the latest handler is used without resubscribing. */
export function useLiveMessages(handler: (message: LiveMessage) => void): void {
  const client = useContext(LiveContext);
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!client) return;
    return client.onMessage((message) => latest.current(message));
  }, [client]);
}

/** The LiveClient itself (null without a LiveProvider), for screens that subscribe to the event log. */
export function useLiveClient(): LiveClient | null {
  return useContext(LiveContext);
}
