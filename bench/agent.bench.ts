import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoDataDir, openApp, type App } from '../server/src/main.js';
import { summarize, type Benchmark, type BenchResult } from './stats.js';

/** What shoppers say, varied: searches with budgets, refinements, store questions, greetings, Hinglish. */
const MESSAGES = [
  'gold bangles under 50000',
  'show me diamond rings',
  'silver anklets for my daughter',
  'sone ki chain 1 lakh tak',
  'what are your timings?',
  'hi',
  'show more',
  'cheaper ones',
  'bridal necklace set',
  'jhumka earrings under 30k',
  'is the first one available?',
  'thank you',
];

const text = (body: string) => ({ type: 'text', text: { body } });

async function demoApp(): Promise<{ app: App; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'revive-bench-agent-'));
  await createDemoDataDir({ dataDir: dir, logLevel: 'silent', backupsEnabled: false });
  const app = openApp({ dataDir: dir, logLevel: 'silent', backupsEnabled: false });
  // a fresh demo data dir has no Mistral key: the brain is the offline one
  await app.services.search.sync();
  return { app, dir };
}

function close({ app, dir }: { app: App; dir: string }): void {
  app.close();
  rmSync(dir, { recursive: true, force: true });
}

/** One offline turn (simulator channel, persisted) on the demo store, shopper messages in rotation. */
export const agentTurn: Benchmark = {
  name: 'agent.turn.offline',
  description: 'one offline agent turn on the demo store: understand, search, product cards, words, persist',
  async run(): Promise<BenchResult> {
    const env = await demoApp();
    try {
      const chat = (i: number) => env.app.services.conversations.chat({ channel: 'simulator', phone: `+9198${String(10_000_000 + (i % 40))}`, message: text(MESSAGES[i % MESSAGES.length] as string) });
      for (let i = 0; i < 40; i += 1) await chat(i); // warm-up
      const times: number[] = [];
      const cpu0 = process.cpuUsage();
      for (let i = 0; i < 400; i += 1) {
        const t0 = performance.now();
        await chat(i + 40);
        times.push(performance.now() - t0);
      }
      const cpu = process.cpuUsage(cpu0);
      const cpuPerTurn = (cpu.user + cpu.system) / 1000 / times.length;
      return summarize(times, `CPU ${cpuPerTurn.toFixed(1)} ms/turn; target: p95 under 50 ms`);
    } finally {
      close(env);
    }
  },
};

/** 100 shoppers writing at once: turns per second through the per-shopper serial engine. */
export const agentThroughput: Benchmark = {
  name: 'agent.turns.100shoppers',
  description: 'offline agent turns per second, 100 shoppers in parallel (5 messages each)',
  async run(): Promise<BenchResult> {
    const env = await demoApp();
    try {
      const rounds: number[] = [];
      for (let round = 0; round < 3; round += 1) {
        const t0 = performance.now();
        await Promise.all(
          Array.from({ length: 100 }, async (_, s) => {
            for (let m = 0; m < 5; m += 1) {
              await env.app.services.conversations.chat({ channel: 'simulator', phone: `+9197${String(10_000_000 + round * 1000 + s)}`, message: text(MESSAGES[(s + m) % MESSAGES.length] as string) });
            }
          }),
        );
        rounds.push(500 / ((performance.now() - t0) / 1000));
      }
      const sorted = [...rounds].sort((a, b) => a - b);
      const r = (n: number) => Math.round(n * 10) / 10;
      return { median: r(sorted[1] as number), p95: r(sorted[0] as number), unit: 'ops/s', samples: rounds.length, note: '3 rounds of 500 turns; p95 column = the slowest round' };
    } finally {
      close(env);
    }
  },
};

export const agentBenchmarks: Benchmark[] = [agentTurn, agentThroughput];
