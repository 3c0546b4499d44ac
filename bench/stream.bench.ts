import { spawn } from 'node:child_process';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { appRoot } from '../server/src/config.js';
import { startServer, type RunningServer } from '../server/src/main.js';
import { summarize, type Benchmark, type BenchResult } from './stats.js';

const CLIENTS = 10;
const RATE = 5_000;
const SECONDS = 4;
const BURST = 20_000;

/**
 * The clients run in a child process, as browsers would: the server's process does only the
 * server's work. Each client subscribes (and again after `ops.behind`, as the app does), counts
 * `ops.event`s and measures publish-to-receive latency on the shared wall clock.
 */
const CLIENT_SCRIPT = `
import WebSocket from 'ws';
const [url, token, count, total] = process.argv.slice(-4);
const now = () => performance.timeOrigin + performance.now();
const clients = [];
let finished = false;
for (let i = 0; i < Number(count); i += 1) {
  const c = { received: 0, latencies: [], behind: 0 };
  const ws = new WebSocket(url, { headers: { authorization: 'Bearer ' + token } });
  ws.on('message', (d) => {
    const m = JSON.parse(d.toString());
    if (m.type === 'ops.behind') { c.behind += 1; ws.send(JSON.stringify({ type: 'subscribe', since: m.cursor })); }
    if (m.type === 'ops.caughtUp' && !c.ready) { c.ready = true; if (clients.every((x) => x.ready)) process.stdout.write('ready\\n'); }
    if (m.type !== 'ops.event') return;
    c.received += 1;
    if (typeof m.event.data.sentAt === 'number') c.latencies.push(now() - m.event.data.sentAt);
    if (!finished && clients.every((x) => x.received >= Number(total))) {
      finished = true;
      // A pipe is written asynchronously: exit once the report is out.
      process.stdout.write(JSON.stringify(clients.map(({ received, latencies, behind }) => ({ received, latencies, behind }))) + '\\n', () => process.exit(0));
    }
  });
  ws.on('open', () => ws.send(JSON.stringify({ type: 'subscribe' })));
  clients.push(c);
}
`;

interface ClientReport { received: number; latencies: number[]; behind: number }

interface Harness {
  server: RunningServer;
  /** Resolves with every client's report once each has received `total` events. */
  done: Promise<ClientReport[]>;
  close(): Promise<void>;
}

async function connect(server: RunningServer): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${server.adminPort}/api/live`, { headers: { authorization: `Bearer ${server.token}` } });
  await new Promise((r, j) => (ws.once('open', r), ws.once('error', j)));
  return ws;
}

/** A server, 10 subscribed clients in a child process, and one client in this process that never reads. */
async function harness(total: number): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'revive-bench-stream-'));
  const server = await startServer({ dataDir: dir, logLevel: 'silent', backupsEnabled: false });
  const child = spawn(process.execPath, ['--input-type=module', '-e', CLIENT_SCRIPT, `ws://127.0.0.1:${server.adminPort}/api/live`, server.token, String(CLIENTS), String(total)], { cwd: appRoot(), stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  let ready!: () => void;
  const isReady = new Promise<void>((r) => (ready = r));
  const done = new Promise<ClientReport[]>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.startsWith('ready\n')) {
        out = out.slice(6);
        ready();
      }
      if (out.endsWith('\n') && out.length > 1) resolve(JSON.parse(out) as ClientReport[]);
    });
    child.on('exit', (code) => reject(new Error(`bench clients exited (${code}) before reporting`)));
  });
  await Promise.race([isReady, done.then(() => undefined)]);
  const stalled = await connect(server);
  stalled.send(JSON.stringify({ type: 'subscribe' }));
  (stalled as unknown as { _socket: { pause(): void } })._socket.pause();
  await new Promise((r) => setTimeout(r, 200));
  return {
    server, done,
    async close() {
      child.kill();
      stalled.terminate();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let seq = 0;
/** One conversation step: SQLite (batched per tick) → `ops.event` on the bus → the sockets. */
function publish(server: RunningServer): void {
  seq += 1;
  const time = new Date().toISOString();
  // Through `ops.record` (RunningServer exposes services, not the bus): the same store-then-publish path as the recorder.
  server.services.ops.record({ type: 'TOOL', time, agentId: 1, agent: 'Aarav', contactId: 1 + (seq % 50), contact: '+919812345210', detail: `catalog_search {"query":"gold bangles"} → 7 products (#${seq})`, data: { sentAt: performance.timeOrigin + performance.now(), name: 'catalog_search', args: { query: 'gold bangles' }, summary: '7 products' } });
}

const mb = (n: number) => Math.round(n / 1024 / 1024);
v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
/** After a full collection, so before/after compare what is really kept. */
const memory = () => {
  gc();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed };
};

/** 5,000 events/s for 4 s to 10 clients (and one stalled): publish-to-receive latency, RSS and heap before/after. */
export const streamLatency: Benchmark = {
  name: 'stream.latency',
  description: `event log: ${RATE} events/s to ${CLIENTS} live clients plus one that never reads`,
  async run(): Promise<BenchResult> {
    const total = RATE * SECONDS;
    const h = await harness(total);
    const before = memory();
    const t0 = performance.now();
    let sent = 0;
    while (sent < total) {
      const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * RATE));
      while (sent < due) {
        publish(h.server);
        sent += 1;
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    const reports = await h.done;
    const elapsed = (performance.now() - t0) / 1000;
    const after = memory();
    await h.close();
    const lat = reports.flatMap((c) => c.latencies).sort((a, b) => a - b);
    const p99 = lat[Math.floor(lat.length * 0.99)] ?? Number.NaN;
    const delivered = Math.min(...reports.map((c) => c.received));
    const note = `${delivered}/${total} events to each of ${CLIENTS} clients in ${elapsed.toFixed(1)} s (${Math.round(delivered / elapsed)}/s); p99 ${p99.toFixed(1)} ms; behind notices ${reports.reduce((n, c) => n + c.behind, 0)}; RSS ${mb(before.rss)}→${mb(after.rss)} MB, heap ${mb(before.heap)}→${mb(after.heap)} MB with one stalled client`;
    return { ...summarize(lat, note), samples: lat.length };
  },
};

/** As fast as it goes: events stored per second and delivered to all 10 clients per second. */
export const streamThroughput: Benchmark = {
  name: 'stream.throughput',
  description: `event log: ${BURST} events as fast as possible to ${CLIENTS} live clients`,
  async run(): Promise<BenchResult> {
    const h = await harness(BURST);
    const t0 = performance.now();
    const storedBefore = h.server.services.ops.head();
    for (let i = 0; i < BURST; i += 500) {
      for (let j = 0; j < 500; j += 1) publish(h.server);
      await new Promise((r) => setImmediate(r));
    }
    h.server.services.ops.flush();
    const storedSecs = (performance.now() - t0) / 1000;
    const stored = h.server.services.ops.head() - storedBefore;
    const reports = await h.done;
    const secs = (performance.now() - t0) / 1000;
    await h.close();
    const delivered = Math.min(...reports.map((c) => c.received));
    const perSec = Math.round(delivered / secs);
    return { median: perSec, p95: perSec, unit: 'ops/s', samples: delivered, note: `${stored} stored and sent in ${storedSecs.toFixed(2)} s (${Math.round(stored / storedSecs)}/s); all ${delivered} received by each of ${CLIENTS} clients after ${secs.toFixed(2)} s (${perSec}/s per client); behind notices ${reports.reduce((n, c) => n + c.behind, 0)}` };
  },
};

/** GET /api/fleet on a log of 500,000 events over 30 days (5 agents, 2,000 shoppers). */
export const fleet500k: Benchmark = {
  name: 'fleet.500k',
  description: 'Fleet cards computed from a 500,000-event log',
  async run(): Promise<BenchResult> {
    const dir = mkdtempSync(join(tmpdir(), 'revive-bench-fleet-'));
    const server = await startServer({ dataDir: dir, logLevel: 'silent', backupsEnabled: false });
    for (const name of ['Bench Meera', 'Bench Kabir', 'Bench Isha', 'Bench Dev']) server.services.agents.create({ name });
    const agents = server.services.agents.list().agents.map((a) => a.id);
    const types = ['INBOUND', 'THINKING', 'TOOL', 'OUTBOUND'] as const;
    const now = Date.now();
    const total = 500_000;
    const t0 = performance.now();
    for (let i = 0; i < total; i += 1) {
      const agentId = agents[i % agents.length] as number;
      const at = new Date(now - 30 * 86_400_000 + Math.floor((i / total) * 30 * 86_400_000)).toISOString();
      server.services.ops.record({ type: types[i % 4] as (typeof types)[number], time: at, agentId, agent: 'x', contactId: i % 2000, contact: '+919800000000', detail: `step ${i}`, data: {} });
      if (i % 1000 === 999) server.services.ops.flush();
    }
    server.services.ops.flush();
    const storeSecs = (performance.now() - t0) / 1000;
    const url = `http://127.0.0.1:${server.adminPort}/api/fleet`;
    const headers = { authorization: `Bearer ${server.token}` };
    for (let i = 0; i < 3; i += 1) await (await fetch(url, { headers })).arrayBuffer();
    const times: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      const t = performance.now();
      await (await fetch(url, { headers })).arrayBuffer();
      times.push(performance.now() - t);
    }
    await server.close();
    rmSync(dir, { recursive: true, force: true });
    return summarize(times, `${total} events stored in ${storeSecs.toFixed(1)} s (${Math.round(total / storeSecs)}/s, no clients)`);
  },
};

export const streamBenchmarks: Benchmark[] = [streamLatency, streamThroughput, fleet500k];
