import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { appRoot } from '../../server/src/config.js';

const BIN = join(appRoot(), 'server', 'src', 'cli', 'bin.ts');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns the real `revive` CLI (TypeScript via tsx), as `npm run revive --` does. */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', BIN, ...args], {
    cwd: appRoot(),
    env: { ...process.env, REVIVE_DATA_DIR: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Runs `revive ARGS` and collects its exit code and output. In this process (the same `main` the
 * executable runs, with stdout/stderr captured and `env` set for the call): a tsx process per
 * command cost 2–3 s each, most of the CLI tests' time. `serve` (which keeps running) and calls
 * with REVIVE_SPAWN=1 spawn the real executable; `spawnCli` is there for tests of the process itself.
 */
export async function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  if (args[0] === 'serve' || process.env.REVIVE_SPAWN === '1') return spawned(args, env);
  const { main } = await import('../../server/src/cli/main.js');
  const out: string[] = [];
  const err: string[] = [];
  const writeOut = process.stdout.write;
  const writeErr = process.stderr.write;
  const saved: NodeJS.ProcessEnv = {};
  const vars: NodeJS.ProcessEnv = { REVIVE_DATA_DIR: '', ...env };
  for (const [k, v] of Object.entries(vars)) {
    saved[k] = process.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const capture = (into: string[]) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
      const cb = rest.find((x) => typeof x === 'function') as (() => void) | undefined;
      cb?.();
      return true;
    }) as typeof process.stdout.write;
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  try {
    const code = await main(args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** Runs the real `revive` executable in its own process. */
export function spawned(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Resolves with the first stdout line (the `--json` ready line of `serve`). */
export function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buf = '';
    let err = '';
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      buf += d.toString();
      const nl = buf.indexOf('\n');
      if (nl >= 0) resolve(buf.slice(0, nl));
    });
    child.on('close', (code) => reject(new Error(`exited ${code} before a line: ${err}`)));
  });
}
