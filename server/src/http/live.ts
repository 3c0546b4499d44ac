import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from 'pino';
import type { LiveMessage } from '../contracts/index.js';
import type { Bus } from '../ops/index.js';
import { nowIso } from '../shared/time.js';
import { hostAllowed, originAllowed } from './guards.js';
import type { Session } from './session.js';

export const LIVE_PATH = '/api/live';
/** A client whose unsent data passes this is cut off rather than let memory grow. */
export const MAX_BUFFERED_BYTES = 1 << 20;

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * `/api/live` on the admin listener: the upgrade must pass the same Host, session and Origin
 * checks as a write. Streams every bus message, a hello, and a heartbeat.
 */
export function attachLive(server: Server, opts: { session: Session; port: () => number; bus: Bus; log: Logger; heartbeatMs: number; version: string }) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });

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

  const send = (ws: WebSocket, message: LiveMessage): void => {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      opts.log.warn('live client too slow; closing it');
      ws.close(1013, 'fell behind');
      return;
    }
    ws.send(JSON.stringify(message));
  };

  wss.on('connection', (ws: WebSocket) => {
    send(ws, { type: 'hello', time: nowIso(), serverVersion: opts.version });
    const unsubscribe = opts.bus.subscribe((m) => send(ws, m));
    ws.on('close', unsubscribe);
    ws.on('error', unsubscribe);
  });

  const heartbeat = setInterval(() => opts.bus.publish({ type: 'heartbeat', time: nowIso() }), opts.heartbeatMs);
  heartbeat.unref();

  return {
    clients: () => wss.clients.size,
    close(): void {
      clearInterval(heartbeat);
      for (const ws of wss.clients) ws.close(1001, 'server shutting down');
      wss.close();
    },
  };
}
