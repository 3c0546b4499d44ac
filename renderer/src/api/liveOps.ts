import { useCallback, useEffect, useRef, useState } from 'react';
import { useApiClient } from './ApiContext';
import { useLiveClient, useLiveMessages } from './LiveContext';
import type { OpsEvent, OpsFilter } from './contracts';

export interface OpsStreamOptions {
  /** Server-side: event types, agent ids, contact ids. */
  filters: OpsFilter;
  /** Text search: the server's `q` for history, matched here for live events. */
  q?: string;
  /** How much history to load first. */
  historyLimit?: number;
  /** Oldest rows are dropped past this. */
  maxRows?: number;
  /** Batches arrivals per frame; tests inject their own. */
  requestFrame?: (callback: () => void) => number;
  cancelFrame?: (handle: number) => void;
}

export interface OpsStream {
  /** Oldest first. A mutable array: read it on each render; `version` changes when it does. */
  rows: readonly OpsEvent[];
  version: number;
  /** While paused, events keep arriving and are counted (`pendingCount`); they join `rows` on resume. */
  paused: boolean;
  setPaused: (paused: boolean) => void;
  pendingCount: number;
  loading: boolean;
  error: unknown;
  reload: () => void;
}

export const DEFAULT_MAX_ROWS = 50_000;
const NO_ROWS: readonly OpsEvent[] = [];

/** Does the event contain `q` (case-insensitive) in its detail, agent, contact or type? */
export function matchesText(event: OpsEvent, q: string): boolean {
  const needle = q.trim().toLowerCase();
  if (!needle) return true;
  return [event.detail, event.agent ?? '', event.contact ?? '', event.type].some((field) => field.toLowerCase().includes(needle));
}

const list = (values: readonly (string | number)[] | undefined) => (values && values.length > 0 ? values.join(',') : undefined);

const defaultRequestFrame = (callback: () => void): number =>
  typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => callback()) : (setTimeout(callback, 16) as unknown as number);
const defaultCancelFrame = (handle: number): void => (typeof cancelAnimationFrame === 'function' ? cancelAnimationFrame(handle) : clearTimeout(handle));

interface View {
  /** The filters and search these rows are for. */
  key: string;
  rows: readonly OpsEvent[];
  pendingCount: number;
  version: number;
  loading: boolean;
  error: unknown;
}

/**
 * The event log for a live view: subscribes on the live socket for new events, then loads the
 * `historyLimit` events before the log's end (`GET /api/events`, from the cursor in `ops.caughtUp`),
 * merging what arrived meanwhile, so nothing is lost or doubled in between.
 * Events are de-duplicated by cursor and applied at most once per animation frame: a burst of
 * thousands costs one render, not thousands.
 */
export function useOpsStream(options: OpsStreamOptions): OpsStream {
  const api = useApiClient();
  const live = useLiveClient();
  const { filters, q = '', historyLimit = 500, maxRows = DEFAULT_MAX_ROWS } = options;
  const requestFrame = options.requestFrame ?? defaultRequestFrame;
  const cancelFrame = options.cancelFrame ?? defaultCancelFrame;
  const store = useRef({
    key: '',
    rows: [] as OpsEvent[],
    /** Live events that came before the history did. */
    early: [] as OpsEvent[],
    queue: [] as OpsEvent[],
    pending: [] as OpsEvent[],
    lastCursor: 0,
    frame: null as number | null,
    ready: false,
    paused: false,
    version: 0,
    /** Set until the subscription's `ops.caughtUp` tells where the log ends. */
    loadHistory: null as ((head: number) => void) | null,
  });
  const [generation, setGeneration] = useState(0);
  const [paused, setPausedState] = useState(false);
  const key = `${generation}|${JSON.stringify({ types: filters.types ?? [], agents: filters.agents ?? [], contacts: filters.contacts ?? [], q: q.trim() })}`;
  const [view, setView] = useState<View>({ key: '', rows: NO_ROWS, pendingCount: 0, version: 0, loading: true, error: undefined });

  /** Shows the store's current state (one render). */
  const publish = useCallback((change: Partial<Pick<View, 'loading' | 'error'>> = {}) => {
    const s = store.current;
    s.version += 1;
    setView((v) => ({ ...v, ...change, key: s.key, rows: s.rows, pendingCount: s.pending.length, version: s.version }));
  }, []);

  const trim = useCallback(
    (rows: OpsEvent[]) => {
      if (rows.length > maxRows) rows.splice(0, rows.length - maxRows);
    },
    [maxRows],
  );

  const flush = useCallback(() => {
    const s = store.current;
    s.frame = null;
    if (s.queue.length === 0) return;
    const target = s.paused ? s.pending : s.rows;
    for (const event of s.queue) target.push(event);
    s.queue = [];
    trim(target);
    publish();
  }, [trim, publish]);

  const frameFns = useRef({ requestFrame, cancelFrame });
  useEffect(() => {
    frameFns.current = { requestFrame, cancelFrame };
  });

  // Subscribe for new events; once the server says where its log ends (`ops.caughtUp`), load the
  // last `historyLimit` events before that. Again whenever the filters or search change.
  useEffect(() => {
    const { types, agents, contacts, q: text } = JSON.parse(key.slice(key.indexOf('|') + 1)) as { types: OpsEvent['type'][]; agents: number[]; contacts: number[]; q: string };
    const s = store.current;
    if (s.frame !== null) frameFns.current.cancelFrame(s.frame);
    const controller = new AbortController();
    const serverFilters: OpsFilter = { ...(types.length ? { types } : {}), ...(agents.length ? { agents } : {}), ...(contacts.length ? { contacts } : {}) };
    const loadHistory = (head: number) => {
      const query = { since: Math.max(0, head - historyLimit), type: list(types), agent: list(agents), contact: list(contacts), q: text || undefined, limit: historyLimit };
      api
        .call('listEvents', { query, signal: controller.signal })
        .then((page) => {
          if (controller.signal.aborted) return;
          s.rows = [...page.events].sort((a, b) => a.cursor - b.cursor);
          const newest = s.rows.at(-1)?.cursor ?? 0;
          // What arrived live meanwhile follows, without the events the history already has.
          for (const event of s.early) if (event.cursor > newest) s.rows.push(event);
          s.early = [];
          trim(s.rows);
          s.ready = true;
          publish({ loading: false, error: undefined });
        })
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          // Without history the live part still works.
          s.rows = s.early;
          s.early = [];
          s.ready = true;
          publish({ loading: false, error });
        });
    };
    Object.assign(s, { key, rows: [], early: [], queue: [], pending: [], lastCursor: 0, frame: null, ready: false, loadHistory });
    if (live) live.subscribeOps(Object.keys(serverFilters).length > 0 ? { filters: serverFilters } : {});
    else loadHistory(0);
    return () => {
      controller.abort();
      s.loadHistory = null;
      live?.unsubscribeOps();
    };
  }, [api, live, key, historyLimit, trim, publish]);

  useLiveMessages((message) => {
    const s = store.current;
    if (message.type === 'ops.caughtUp' && s.loadHistory) {
      const load = s.loadHistory;
      s.loadHistory = null;
      load(message.cursor);
      return;
    }
    if (message.type !== 'ops.event') return;
    const event = message.event;
    if (event.cursor <= s.lastCursor) return;
    s.lastCursor = event.cursor;
    if (!matchesText(event, q)) return;
    if (!s.ready) {
      s.early.push(event);
      trim(s.early);
      return;
    }
    s.queue.push(event);
    // A hidden window runs no frames: keep the queue bounded like the log itself.
    if (s.queue.length > 2 * maxRows) s.queue.splice(0, s.queue.length - maxRows);
    if (s.frame === null) s.frame = frameFns.current.requestFrame(flush);
  });

  const setPaused = useCallback(
    (next: boolean) => {
      const s = store.current;
      s.paused = next;
      setPausedState(next);
      // Resume: what arrived while paused joins the log.
      if (next || s.pending.length === 0) return;
      for (const event of s.pending) s.rows.push(event);
      s.pending = [];
      trim(s.rows);
      publish();
    },
    [trim, publish],
  );

  useEffect(
    () => () => {
      const s = store.current;
      if (s.frame !== null) frameFns.current.cancelFrame(s.frame);
    },
    [],
  );

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const current = view.key === key;
  return {
    rows: current ? view.rows : NO_ROWS,
    version: view.version,
    paused,
    setPaused,
    pendingCount: current ? view.pendingCount : 0,
    loading: !current || view.loading,
    error: current ? view.error : undefined,
    reload,
  };
}
