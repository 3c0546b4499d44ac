import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appRoot } from '../server/src/config.js';
import { createDemoDataDir, startServer } from '../server/src/main.js';
import { summarize, type Benchmark } from './stats.js';

async function demoDataDir(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'revive-bench-'));
  await createDemoDataDir({ dataDir: dir, logLevel: 'silent' });
  return dir;
}

/** Process start → the `--json` ready line on stdout, for the compiled server (as Electron runs it). */
export const coldStart: Benchmark = {
  name: 'server.coldStart',
  description: 'revive serve: process start to ready line',
  async run() {
    const compiled = join(appRoot(), 'build', 'node', 'server', 'src', 'cli', 'bin.js');
    const args = existsSync(compiled) ? [compiled] : ['--import', 'tsx', join(appRoot(), 'server', 'src', 'cli', 'bin.ts')];
    const dir = await demoDataDir();
    const times: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const t0 = performance.now();
      await new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, [...args, 'serve', '--data', dir, '--json'], { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, REVIVE_LOG_LEVEL: 'warn' } });
        child.stdout.once('data', () => {
          times.push(performance.now() - t0);
          child.kill('SIGTERM');
        });
        child.on('close', () => resolve());
        child.on('error', reject);
      });
    }
    rmSync(dir, { recursive: true, force: true });
    return summarize(times, existsSync(compiled) ? 'compiled JS (npm run build:node)' : 'TypeScript via tsx (run npm run build:node for the compiled figure)');
  },
};

/** GET /api/health with the bearer token, one request at a time, over keep-alive. */
export const apiRoundTrip: Benchmark = {
  name: 'admin.apiRoundTrip',
  description: 'GET /api/health round trip on loopback',
  async run() {
    const dir = await demoDataDir();
    const server = await startServer({ dataDir: dir, logLevel: 'silent', backupsEnabled: false });
    const url = `http://127.0.0.1:${server.adminPort}/api/health`;
    const headers = { authorization: `Bearer ${server.token}` };
    for (let i = 0; i < 50; i += 1) await (await fetch(url, { headers })).arrayBuffer();
    const times: number[] = [];
    for (let i = 0; i < 500; i += 1) {
      const t0 = performance.now();
      await (await fetch(url, { headers })).arrayBuffer();
      times.push(performance.now() - t0);
    }
    await server.close();
    rmSync(dir, { recursive: true, force: true });
    return summarize(times);
  },
};
