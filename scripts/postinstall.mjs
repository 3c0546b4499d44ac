// After `npm ci`/`npm install`: fetch Electron's binary when this computer can reach the internet.
// package.json's allowScripts keeps electron's own download from running (it fails the whole
// install offline); this script tries the same installer, and never fails the install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
let electronDir;
try {
  electronDir = dirname(require.resolve('electron/package.json'));
} catch {
  process.exit(0); // production install without dev dependencies
}
const skip = process.env.CI || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD;
if (existsSync(join(electronDir, 'path.txt')) || skip) process.exit(0);

const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 180_000 });
if (r.status === 0 && existsSync(join(electronDir, 'path.txt'))) {
  console.log('revive: Electron downloaded; "npm start" opens the desktop app.');
} else {
  console.log('revive: Electron could not be downloaded (offline?); "npm start" runs Revive in your browser instead.');
}
