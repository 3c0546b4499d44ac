/**
 * `npm start`: the desktop app when Electron's binary is here, else browser mode — the server on
 * the demo data dir (made on first run), printing the admin link with its token, as Jupyter does.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appRoot, databasePath } from '../server/src/config.js';
import { defaultDataDir } from '../server/src/cli/data-dir.js';
import { createDemoDataDir, startServer } from '../server/src/main.js';
import { findElectronBinary } from '../server/src/system/environment.js';
import { ensureBuilt } from './build-if-stale.js';

const root = appRoot();
const electron = findElectronBinary(root);
const canShowWindow = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

if (electron && canShowWindow && process.env.REVIVE_BROWSER_MODE !== '1') {
  ensureBuilt(root, { node: true });
  const child = spawn(electron, ['.'], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  await browserMode();
}

async function browserMode(): Promise<void> {
  ensureBuilt(root, { node: false });
  const dataDir = defaultDataDir();
  if (!existsSync(databasePath(dataDir))) {
    const summary = await createDemoDataDir({ dataDir, logLevel: 'warn' });
    console.log(`First run: made ${dataDir} with the demo store "${summary.store}".`);
  }
  const server = await startOnPreferredPorts(dataDir);
  console.log(
    [
      '',
      `Revive is running in browser mode${electron ? '' : ' (no Electron binary on this computer)'}.`,
      'Open this link in Chrome, Edge or Firefox (it carries your session token; keep it private):',
      '',
      `    ${server.ready.adminUrl}`,
      '',
      `Webhooks listen on ${server.ready.publicUrl}. Data: ${dataDir}`,
      'Press Ctrl+C to stop.',
    ].join('\n'),
  );
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** 4317/4318 so the link stays the same between runs; any free port when those are taken. */
async function startOnPreferredPorts(dataDir: string) {
  const adminPort = Number(process.env.REVIVE_ADMIN_PORT ?? 4317);
  const publicPort = Number(process.env.REVIVE_PUBLIC_PORT ?? 4318);
  try {
    return await startServer({ dataDir, adminPort, publicPort, logLevel: 'warn' });
  } catch (err) {
    if ((err as { code?: string }).code !== 'EADDRINUSE') throw err;
    return startServer({ dataDir, adminPort: 0, publicPort: 0, logLevel: 'warn' });
  }
}



