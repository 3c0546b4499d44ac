import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Logger } from 'pino';
import { LiveClientMessageSchema, type LiveMessage, type OpsEvent, type OpsFilter } from '../contracts/index.js';
import type { Bus, EventQuery } from '../ops/index.js';
import { nowIso } from '../shared/time.js';
import { hostAllowed, originAllowed } from './guards.js';
import type { Session } from './session.js';

export const LIVE_PATH = '/api/live';
/** A client whose unsent data passes this is cut off rather than let memory grow. */
export const MAX_BUFFERED_BYTES = 1 << 20;
/** Past this much unsent data a subscribed client gets no more `ops.event`s, one `ops.behind` instead. */
export const BEHIND_BYTES = 256 * 1024;
/** The catch-up sends its next page only once the client has read down to this. */
export const LOW_WATER_BYTES = 64 * 1024;
/** Events read from the store per catch-up page. */
export const CATCH_UP_PAGE = 500;
/** A client that has read nothing of its backlog for this long is closed (checked at each heartbeat). */
export const STALLED_MS = 60_000;

/** Where a subscribed client's catch-up comes from: the ops domain's event log. */
export interface LiveEventSource {
  page(query: EventQuery): OpsEvent[];
  head(): number;
}

interface Subscription {
  filters: OpsFilter;
  /** catching-up: reading the store; live: bus events; behind: fell behind, waits for a new subscribe. */
  state: 'catching-up' | 'live' | 'behind';
  /** Every matching event up to this cursor has been sent (or, when behind, up to here and no further). */
  last: number;
}

interface Client {
  ws: WebSocket;
  sub: Subscription | null;
  stalledSince: number | null;
  buffered: number;
  /** Bytes written while its socket is corked this tick (they count in bufferedAmount until the uncork). */
  corked: number;
}

/** ws keeps the net.Socket here; corking it turns a burst of frames into one write. */
type Corkable = { _socket?: { cork(): void; uncork(): void } };

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function matches(f: OpsFilter, e: OpsEvent): boolean {
  if (f.types?.length && !f.types.includes(e.type)) return false;
  if (f.agents?.length && (e.agentId === null || !f.agents.includes(e.agentId))) return false;
  if (f.contacts?.length && (e.contactId === null || !f.contacts.includes(e.contactId))) return false;
  return true;
}

const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * `/api/live` on the admin listener: the upgrade must pass the same Host, session and Origin
 * checks as a write. Streams every bus message, a hello, and a heartbeat; `ops.event`s only to
 * clients that sent `subscribe`, caught up from the store first (see docs/decisions.md).
 */
export function attachLive(server: Server, opts: { session: Session; port: () => number; bus: Bus; log: Logger; heartbeatMs: number; version: string; events?: LiveEventSource | undefined }) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const clients = new Set<Client>();
  const events: LiveEventSource = opts.events ?? { page: () => [], head: () => 0 };

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path !== LIVE_PATH) return refuse(socket, 404, 'Not Found');
    if (!hostAllowed(req, opts.port())) return refuse(socket, 421, 'Misdirected Request');
    if (!opts.session.authenticate(req)) return refuse(socket, 401, 'Unauthorized');
    const origin = req.headers.origin;
    // Browsers always send Origin on a WebSocket handshake; tools with a bearer token may not.
    if (origin !== undefined ? !originAllowed(origin, opts.port()) : opts.session.authenticate(req) !== 'bearer') {
      return refuse(socket, 403, 'Forbidden');
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  /** Sends unless the client is closing; past the hard bound it is closed instead. */
  /** Text frames; a Buffer is encoded once for every client it goes to. */
  const send = (c: Client, text: string | Buffer): boolean => {
    const ws = c.ws;
    if (ws.readyState !== ws.OPEN) return false;
    if (ws.bufferedAmount - c.corked > MAX_BUFFERED_BYTES) {
      opts.log.warn('live client too slow; closing it');
      ws.close(1013, 'fell behind');
      return false;
    }
    ws.send(text, { binary: false });
    return true;
  };
  const json = (m: LiveMessage) => JSON.stringify(m);
  /** Unsent bytes that are really waiting on the client (not just corked until the end of this tick). */
  const backlog = (c: Client) => c.ws.bufferedAmount - c.corked;

  // A flush publishes its events in one synchronous burst: each client's frames go out in one write.
  const corkedClients = new Set<Client>();
  const uncorkAll = () => {
    for (const c of corkedClients) {
      c.corked = 0;
      (c.ws as unknown as Corkable)._socket?.uncork();
    }
    corkedClients.clear();
  };
  function sendCorked(c: Client, text: Buffer): boolean {
    if (!corkedClients.has(c)) {
      const socket = (c.ws as unknown as Corkable)._socket;
      if (socket && c.ws.readyState === c.ws.OPEN) {
        socket.cork();
        corkedClients.add(c);
        if (corkedClients.size === 1) process.nextTick(uncorkAll);
      }
    }
    const ok = send(c, text);
    if (ok && corkedClients.has(c)) c.corked += text.length + 10;
    return ok;
  }

  function deliverLive(c: Client, sub: Subscription, event: OpsEvent, text: () => Buffer): void {
    if (sub.state !== 'live' || event.cursor <= sub.last) return;
    if (!matches(sub.filters, event)) {
      sub.last = event.cursor;
      return;
    }
    if (backlog(c) > BEHIND_BYTES || c.corked > MAX_BUFFERED_BYTES) {
      sub.state = 'behind';
      opts.log.info({ cursor: sub.last }, 'live client fell behind; told to catch up from the store');
      send(c, json({ type: 'ops.behind', time: nowIso(), cursor: sub.last }));
      return;
    }
    if (sendCorked(c, text())) sub.last = event.cursor;
  }

  /** Pages the store after `sub.last`, paced by what the client reads, then turns live. */
  async function catchUp(c: Client, sub: Subscription): Promise<void> {
    const query = { types: sub.filters.types, agents: sub.filters.agents, contacts: sub.filters.contacts, limit: CATCH_UP_PAGE };
    while (c.sub === sub && c.ws.readyState === c.ws.OPEN) {
      if (backlog(c) > LOW_WATER_BYTES) {
        await pause(20);
        continue;
      }
      // Synchronous from the read to the switch: everything stored so far is in this page or an
      // earlier one, and everything stored later is published after `state` turns live.
      const page = events.page({ ...query, since: sub.last });
      let sent = 0;
      // Big events fill the buffer before the page ends: the rest is read again once it drains.
      while (sent < page.length && backlog(c) <= BEHIND_BYTES) {
        const e = page[sent] as OpsEvent;
        if (!send(c, json({ type: 'ops.event', time: e.time, event: e }))) return;
        sub.last = e.cursor;
        sent += 1;
      }
      if (sent === page.length && page.length < CATCH_UP_PAGE) {
        sub.last = Math.max(sub.last, events.head());
        sub.state = 'live';
        send(c, json({ type: 'ops.caughtUp', time: nowIso(), cursor: sub.last }));
        return;
      }
      await new Promise<void>((r) => setImmediate(r));
    }
  }

  function onClientMessage(c: Client, data: RawData): void {
    let raw: unknown;
    try {
      raw = JSON.parse(data.toString());
    } catch {
      return;
    }
    const parsed = LiveClientMessageSchema.safeParse(raw);
    if (!parsed.success) {
      opts.log.debug({ issues: parsed.error.issues.length }, 'ignored a live client message that is not valid');
      return;
    }
    const m = parsed.data;
    if (m.type === 'unsubscribe') {
      c.sub = null;
      return;
    }
    const filters = m.filters ?? {};
    if (m.since === undefined) {
      // Only what happens from now on.
      c.sub = { filters, state: 'live', last: events.head() };
      send(c, json({ type: 'ops.caughtUp', time: nowIso(), cursor: c.sub.last }));
      return;
    }
    // A cursor past the store's head (a restored backup, another data dir) starts over from the head.
    const sub: Subscription = { filters, state: 'catching-up', last: Math.min(m.since, events.head()) };
    c.sub = sub;
    catchUp(c, sub).catch((err: unknown) => {
      opts.log.error({ err }, 'live catch-up failed');
      c.ws.close(1011, 'catch-up failed');
    });
  }

  const unsubscribeBus = opts.bus.subscribe((m) => {
    let text: Buffer | undefined;
    const once = () => (text ??= Buffer.from(json(m)));
    if (m.type === 'ops.event') {
      for (const c of clients) if (c.sub) deliverLive(c, c.sub, m.event, once);
      return;
    }
    for (const c of clients) send(c, once());
  });

  wss.on('connection', (ws: WebSocket) => {
    const c: Client = { ws, sub: null, stalledSince: null, buffered: 0, corked: 0 };
    clients.add(c);
    send(c, json({ type: 'hello', time: nowIso(), serverVersion: opts.version }));
    ws.on('message', (data) => onClientMessage(c, data));
    const gone = () => {
      c.sub = null;
      clients.delete(c);
    };
    ws.on('close', gone);
    ws.on('error', gone);
  });

  const heartbeat = setInterval(() => {
    const now = Date.now();
    for (const c of clients) {
      // Stuck: a backlog that has not shrunk since the last heartbeat.
      const stuck = c.ws.bufferedAmount > LOW_WATER_BYTES && c.ws.bufferedAmount >= c.buffered;
      c.buffered = c.ws.bufferedAmount;
      c.stalledSince = stuck ? (c.stalledSince ?? now) : null;
      if (c.stalledSince !== null && now - c.stalledSince > STALLED_MS) {
        opts.log.warn('live client has read nothing for a minute; closing it');
        c.ws.close(1013, 'not reading');
      }
    }
    opts.bus.publish({ type: 'heartbeat', time: nowIso() });
  }, opts.heartbeatMs);
  heartbeat.unref();

  return {
    clients: () => wss.clients.size,
    close(): void {
      clearInterval(heartbeat);
      unsubscribeBus();
      for (const ws of wss.clients) ws.close(1001, 'server shutting down');
      wss.close();
    },
  };
}
