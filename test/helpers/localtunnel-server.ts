import { randomBytes } from 'node:crypto';
import { Agent, createServer, request, type ClientRequestArgs, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';

/**
 * A small localtunnel-protocol server for tests (no server package on the registry works):
 * `GET /?new` or `GET /<id>` registers a client and answers `{id, port, max_conn_count, url}`;
 * the client opens up to max_conn_count TCP connections to `port`; a public request whose Host
 * is `<id>.<domain>` is written onto one of them through an http.Agent whose createConnection
 * hands out the client's sockets.
 */
export interface TestTunnelServer {
  /** The host to give the tunnel, e.g. http://127.0.0.1:40123. */
  host: string;
  domain: string;
  /** Ids handed out, in order. */
  registrations: string[];
  /** A public request to `<id>.<domain>`, as the internet would send it. */
  publicRequest(id: string, path: string, headers?: Record<string, string>): Promise<{ status: number; body: string; headers: IncomingMessage['headers'] }>;
  /**
   * Writes a request onto one of the client's sockets in the pieces given (as TCP may split it),
   * pausing between them, and resolves with the raw response once the far end closes.
   */
  rawRequest(id: string, pieces: Buffer[]): Promise<string>;
  /** The clients the server knows now. */
  clientIds(): string[];
  /** The client's open sockets (all clients when no id). */
  socketCount(id?: string): number;
  /** Destroys every client socket but keeps the ports open: the client reconnects by itself. */
  kickSockets(): void;
  /** Forgets every client, closing its port and sockets; `retire` keeps the ids taken, as a server still holding a stale session does. */
  dropAll(opts?: { retire?: boolean }): Promise<void>;
  /** Stops accepting registrations (connection refused) and drops every client; `resume()` undoes it. */
  goDown(): Promise<void>;
  resume(): Promise<void>;
  close(): Promise<void>;
}

interface Client {
  tcp: TcpServer;
  sockets: Set<Socket>;
  idle: Socket[];
  waiting: Array<(err: Error | null, socket?: Socket) => void>;
  agent: Agent;
}

/** `releaseAfterMs`: a client with no socket left is forgotten (its id freed) after this long, as localtunnel's server does. */
export async function startTestTunnelServer(opts: { domain?: string; maxConn?: number; releaseAfterMs?: number } = {}): Promise<TestTunnelServer> {
  const domain = opts.domain ?? 'lt.test';
  const maxConn = opts.maxConn ?? 2;
  const releaseAfterMs = opts.releaseAfterMs ?? 300;
  const clients = new Map<string, Client>();
  const retired = new Set<string>();
  const registrations: string[] = [];
  const hostPattern = new RegExp(`^([a-z0-9-]+)\\.${domain.replace(/\./g, '\\.')}(?::\\d+)?$`);

  async function newClient(id: string): Promise<number> {
    const client: Client = { tcp: createTcpServer(), sockets: new Set(), idle: [], waiting: [], agent: new Agent({ keepAlive: true, maxSockets: maxConn }) };
    // The agent borrows the client's sockets instead of dialling out.
    (client.agent as unknown as { createConnection: (o: ClientRequestArgs, cb: (err: Error | null, s?: Socket) => void) => undefined }).createConnection = (_o, cb) => {
      const socket = client.idle.shift();
      if (socket) cb(null, socket);
      else client.waiting.push(cb);
      return undefined;
    };
    client.tcp.on('connection', (socket) => {
      if (client.sockets.size >= maxConn) return void socket.destroy();
      socket.on('error', () => {});
      client.sockets.add(socket);
      socket.once('close', () => {
        client.sockets.delete(socket);
        client.idle = client.idle.filter((s) => s !== socket);
        if (client.sockets.size === 0) {
          setTimeout(() => {
            if (client.sockets.size === 0 && clients.get(id) === client) void forget(id, client);
          }, releaseAfterMs);
        }
      });
      const waiter = client.waiting.shift();
      if (waiter) waiter(null, socket);
      else client.idle.push(socket);
    });
    await new Promise<void>((resolve) => client.tcp.listen(0, '127.0.0.1', resolve));
    clients.set(id, client);
    return (client.tcp.address() as AddressInfo).port;
  }

  async function forget(id: string, client: Client): Promise<void> {
    clients.delete(id);
    client.agent.destroy();
    for (const s of client.sockets) s.destroy();
    for (const w of client.waiting) w(new Error('client gone'));
    await new Promise<void>((resolve) => client.tcp.close(() => resolve()));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const publicId = hostPattern.exec(req.headers.host ?? '')?.[1];
    if (publicId) {
      const client = clients.get(publicId);
      if (!client) return void res.writeHead(404).end('no such tunnel');
      const upstream = request({ method: req.method, path: req.url, headers: req.headers, agent: client.agent }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      upstream.on('error', () => res.writeHead(502).end('tunnel error'));
      return void req.pipe(upstream);
    }
    const url = new URL(req.url ?? '/', 'http://x');
    const asked = url.searchParams.has('new') ? null : url.pathname.slice(1) || null;
    if (asked !== null && !/^[a-z0-9-]{4,63}$/.test(asked)) return void res.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Invalid subdomain' }));
    const id = asked && !clients.has(asked) && !retired.has(asked) ? asked : randomBytes(5).toString('hex');
    const port = await newClient(id);
    registrations.push(id);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id, port, max_conn_count: maxConn, url: `https://${id}.${domain}` }));
  }

  const http: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;

  const dropAll = async (o: { retire?: boolean } = {}) => {
    for (const [id, client] of [...clients]) {
      if (o.retire) retired.add(id);
      await forget(id, client);
    }
  };

  return {
    host: `http://127.0.0.1:${port}`,
    domain,
    registrations,
    clientIds: () => [...clients.keys()],
    async rawRequest(id, pieces) {
      const socket = clients.get(id)?.idle.shift();
      if (!socket) throw new Error(`no idle socket for ${id}`);
      let response = '';
      const done = new Promise<string>((resolve) => {
        socket.on('data', (d: Buffer) => (response += d.toString('utf8')));
        socket.once('end', () => resolve(response));
        socket.once('close', () => resolve(response));
      });
      for (const piece of pieces) {
        socket.write(piece);
        await new Promise((r) => setTimeout(r, 30));
      }
      return done;
    },
    publicRequest(id, path, headers = {}) {
      return new Promise((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path, agent: false, headers: { ...headers, host: `${id}.${domain}` } }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
        });
        req.on('error', reject);
        req.end();
      });
    },
    socketCount(id) {
      if (id) return clients.get(id)?.sockets.size ?? 0;
      return [...clients.values()].reduce((n, c) => n + c.sockets.size, 0);
    },
    kickSockets() {
      for (const c of clients.values()) for (const s of c.sockets) s.destroy();
    },
    dropAll,
    async goDown() {
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      });
      await dropAll();
    },
    resume() {
      return new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
    },
    async close() {
      await dropAll();
      if (http.listening) {
        await new Promise<void>((resolve) => {
          http.close(() => resolve());
          http.closeAllConnections();
        });
      }
    },
  };
}
