import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time of any file under the folders (node_modules and build skipped). */
function newest(dirs: string[]): number {
  let max = 0;
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name === 'build') continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else max = Math.max(max, statSync(p).mtimeMs);
    }
  };
  dirs.forEach(walk);
  return max;
}

function run(root: string, script: string): void {
  console.log(`Building (${script})…`);
  const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '-s', script], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`npm run ${script} failed`);
}

/** Builds the screens (and the Node code for Electron) when missing or older than their sources. */
export function ensureBuilt(root: string, opts: { node: boolean }): void {
  const index = join(root, 'build', 'renderer', 'index.html');
  const sources = [join(root, 'renderer'), join(root, 'server', 'src', 'contracts')];
  if (!existsSync(index) || statSync(index).mtimeMs < newest(sources)) run(root, 'build:renderer');
  if (opts.node) {
    const entry = join(root, 'build', 'node', 'main', 'src', 'main.js');
    if (!existsSync(entry) || statSync(entry).mtimeMs < newest([join(root, 'server', 'src'), join(root, 'main', 'src')])) run(root, 'build:node');
  }
}
