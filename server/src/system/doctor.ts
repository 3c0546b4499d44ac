import { accessSync, constants, existsSync, statfsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot, backupsDir, databasePath } from '../config.js';
import { listBackups, openDatabase, readMigrations } from '../db/index.js';
import { KEY_FILE } from '../settings/index.js';
import { findChromium, findElectronBinary } from './environment.js';

export interface Check {
  name: string;
  ok: boolean;
  /** error: Revive cannot run properly; warning: works, with less. */
  severity: 'error' | 'warning';
  detail: string;
  fix: string | null;
}

function check(name: string, severity: Check['severity'], fn: () => { ok: boolean; detail: string; fix?: string }): Check {
  try {
    const r = fn();
    return { name, severity, ok: r.ok, detail: r.detail, fix: r.ok ? null : (r.fix ?? null) };
  } catch (err) {
    return { name, severity, ok: false, detail: err instanceof Error ? err.message : String(err), fix: 'Run "npm ci" again; if it keeps failing, report this message' };
  }
}

/** What `revive doctor` checks, in the order a person would fix things. */
export function runChecks(dataDir: string): Check[] {
  const root = appRoot();
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  return [
    check('Node.js', 'error', () => ({
      ok: major > 20 || (major === 20 && minor >= 19),
      detail: `v${process.versions.node}`,
      fix: 'Install Node.js 20.19 or newer',
    })),
    check('SQLite and sqlite-vec', 'error', () => {
      const { db, vec } = openDatabase(':memory:');
      const sqlite = (db.prepare('select sqlite_version() as v').get() as { v: string }).v;
      db.close();
      return { ok: vec.ok, detail: vec.ok ? `SQLite ${sqlite}, sqlite-vec ${vec.version}` : `sqlite-vec failed: ${vec.error}`, fix: 'Run "npm ci" to reinstall sqlite-vec' };
    }),
    check('Data dir', 'error', () => {
      if (!existsSync(databasePath(dataDir))) return { ok: false, detail: `${dataDir} has no Revive database`, fix: `Run "revive init --data ${dataDir} --demo" (or --empty)` };
      accessSync(dataDir, constants.W_OK);
      const { db } = openDatabase(databasePath(dataDir));
      const applied = (db.prepare('select count(*) as n from schema_migrations').get() as { n: number }).n;
      db.close();
      const pending = readMigrations().length - applied;
      return { ok: true, detail: `${dataDir} (${applied} migrations applied${pending > 0 ? `, ${pending} to apply at next start` : ''})` };
    }),
    check('Secrets key', 'warning', () => {
      const file = join(dataDir, KEY_FILE);
      if (!existsSync(file)) return { ok: true, detail: 'created on first start (or given by the desktop app)' };
      const mode = statSync(file).mode & 0o777;
      return { ok: process.platform === 'win32' || (mode & 0o077) === 0, detail: `${file} (mode ${mode.toString(8)})`, fix: `Run "chmod 600 ${file}"` };
    }),
    check('Backups', 'warning', () => {
      const backups = listBackups(backupsDir(dataDir));
      return { ok: backups.length > 0, detail: backups[0] ? `${backups.length} kept, newest ${backups[0].createdAt}` : 'none yet', fix: `Run "revive backup --data ${dataDir}" (the server also makes one daily)` };
    }),
    check('Disk space', 'warning', () => {
      const s = statfsSync(existsSync(dataDir) ? dataDir : root);
      const freeGb = (s.bavail * s.bsize) / 1024 ** 3;
      return { ok: freeGb > 1, detail: `${freeGb.toFixed(1)} GB free`, fix: 'Free some disk space: the database, backups and images need room' };
    }),
    check('Screens (renderer build)', 'warning', () => ({
      ok: existsSync(join(root, 'build', 'renderer', 'index.html')),
      detail: existsSync(join(root, 'build', 'renderer', 'index.html')) ? 'built' : 'not built',
      fix: 'Run "npm run build:renderer" (npm start does it for you)',
    })),
    check('Electron', 'warning', () => {
      const bin = findElectronBinary(root);
      return { ok: bin !== null, detail: bin ?? 'no binary: Revive runs in browser mode', fix: 'On a computer with internet run "node node_modules/electron/install.js"' };
    }),
    check('Chromium (for tests)', 'warning', () => {
      const c = findChromium();
      return { ok: c !== null, detail: c ?? 'not found', fix: 'Install it: "apt-get install -y chromium" (or set CHROMIUM_PATH)' };
    }),
  ];
}
