import type { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';
import type { Transform, TransformCallback } from 'node:stream';
import type { Registration } from './registration.js';

/** The options @n8n/localtunnel's TunnelCluster reads (see its lib/Tunnel.js `_getInfo`). */
interface ClusterInfo {
  name: string;
  url: string;
  max_conn: number;
  remote_host: string;
  remote_port: number;
  local_host: string;
  local_port: number;
}
interface TunnelCluster extends EventEmitter {
  open(): void;
}

const require = createRequire(import.meta.url);

/**
 * The library's socket layer, used directly: it opens one TCP connection to the tunnel server,
 * pipes it to the local port and emits 'open' (with the remote socket), 'dead' and 'error'.
 * Its `Tunnel` wrapper is not used (see registration.ts); the version is pinned, and the tests
 * run this code against a protocol server.
 */
const TunnelCluster = require('@n8n/localtunnel/lib/TunnelCluster.js') as new (info: ClusterInfo) => TunnelCluster;

/**
 * `local_host` must be set so the client dials 127.0.0.1 (where the public listener is) rather
 * than whatever "localhost" resolves to; setting it also switches on the library's Host-header
 * rewrite, which decodes each socket's first chunk as UTF-8 text and re-encodes it. A webhook body
 * split inside a character (Hindi text) then arrives altered and fails its signature. The public
 * listener never looks at Host, so the rewrite is made a pass-through. Nothing else uses the library.
 */
const HeaderHostTransformer = require('@n8n/localtunnel/lib/HeaderHostTransformer.js') as { prototype: Transform };
HeaderHostTransformer.prototype._transform = function passThrough(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
  done(null, chunk);
};

export interface ConnectionTimings {
  /** No socket connected this long after registering → the attempt failed. */
  connectTimeoutMs: number;
  /** All sockets gone and none back this long → the tunnel is down. */
  emptyGraceMs: number;
}

export const DEFAULT_TIMINGS: ConnectionTimings = { connectTimeoutMs: 15_000, emptyGraceMs: 5_000 };

export interface Connection {
  close(): void;
}

/**
 * Opens the registration's sockets and keeps them open, calling `onUp` once the first one
 * connects and `onDown` once (then closing everything) when the tunnel is lost: a refused
 * connection, no socket for `emptyGraceMs`, or sockets closed as fast as they open.
 *
 * Containment of the library's known crash (an 'error' event with no listener, thrown as
 * "connection refused: host:port (check your firewall settings)"): every emitter here has an
 * 'error' listener for its whole life, also after close(), and every call into it is guarded.
 */
export function openConnection(reg: Registration, localPort: number, on: { up(): void; down(err: Error): void }, timings: ConnectionTimings = DEFAULT_TIMINGS): Connection {
  const sockets = new Set<Socket>();
  const deaths: number[] = [];
  let closed = false;
  let up = false;
  let emptyTimer: NodeJS.Timeout | undefined;

  const cluster = new TunnelCluster({
    name: reg.id,
    url: reg.url,
    max_conn: reg.maxConn,
    remote_host: reg.remoteHost,
    remote_port: reg.remotePort,
    // 127.0.0.1, not "localhost": the public listener binds IPv4 loopback only.
    local_host: '127.0.0.1',
    local_port: localPort,
  });

  const connectTimer = setTimeout(() => fail(new Error('No connection to the tunnel server could be opened')), timings.connectTimeoutMs);

  function close(): void {
    if (closed) return;
    closed = true;
    clearTimeout(connectTimer);
    clearTimeout(emptyTimer);
    for (const s of sockets) s.destroy();
    sockets.clear();
  }

  function fail(err: Error): void {
    if (closed) return;
    close();
    on.down(err);
  }

  function openOne(): void {
    if (closed) return;
    try {
      cluster.open();
    } catch (err) {
      fail(err instanceof Error ? err : new Error(String(err)));
    }
  }

  cluster.on('error', (err: Error) => fail(err));

  cluster.on('open', (remote: Socket) => {
    remote.on('error', () => {}); // the library ends the socket; this only keeps a late error from throwing
    if (closed) return void remote.destroy();
    // Notice a silently vanished server (a sleeping laptop, a dropped NAT entry) within minutes, not hours.
    remote.setKeepAlive(true, 30_000);
    sockets.add(remote);
    clearTimeout(emptyTimer);
    remote.once('close', () => {
      sockets.delete(remote);
      if (!closed && sockets.size === 0) {
        clearTimeout(emptyTimer);
        emptyTimer = setTimeout(() => fail(new Error('The tunnel server closed every connection')), timings.emptyGraceMs);
      }
    });
    if (!up) {
      up = true;
      clearTimeout(connectTimer);
      on.up();
    }
  });

  // A socket closed by the server: open another, unless they are being closed as fast as they
  // open — a server that no longer knows us — which would otherwise spin without pause.
  cluster.on('dead', () => {
    if (closed) return;
    const now = Date.now();
    deaths.push(now);
    while (deaths.length > 0 && (deaths[0] ?? now) < now - 10_000) deaths.shift();
    if (deaths.length > reg.maxConn * 3) return fail(new Error('The tunnel server keeps closing the connections'));
    openOne();
  });

  for (let i = 0; i < reg.maxConn; i++) openOne();
  return { close };
}
