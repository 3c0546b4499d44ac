import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { appRoot } from '../server/src/config.js';

/** Runs `npm start`'s script in browser mode on a temp data dir and resolves with the printed link. */
export function startBrowserMode(dataDir: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(appRoot(), 'scripts', 'start.ts')], {
    cwd: appRoot(),
    env: { ...process.env, REVIVE_DATA_DIR: dataDir, REVIVE_BROWSER_MODE: '1', REVIVE_ADMIN_PORT: '0', REVIVE_PUBLIC_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(out);
      if (m) resolve({ child, url: m[0], output: () => out });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => reject(new Error(`npm start exited (${code}) before printing its link:\n${out}`)));
  });
}
