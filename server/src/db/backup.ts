import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './connection.js';

export const BACKUPS_KEPT = 7;
const NAME = /^revive-(\d{8}T\d{6}Z)\.sqlite$/;

export interface BackupInfo {
  path: string;
  createdAt: string;
  sizeBytes: number;
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

function parseStamp(s: string): string {
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`;
}

/** Backups in the folder, newest first. */
export function listBackups(dir: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .flatMap((name) => {
      const m = NAME.exec(name);
      if (!m?.[1]) return [];
      const path = join(dir, name);
      return [{ path, createdAt: parseStamp(m[1]), sizeBytes: statSync(path).size }];
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * Online backup through SQLite's backup API: consistent while the server keeps writing. Keeps the
 * newest `keep` files and deletes older ones only after the new backup is complete.
 */
export async function backupDatabase(db: Db, dir: string, keep = BACKUPS_KEPT, now = new Date()): Promise<BackupInfo> {
  mkdirSync(dir, { recursive: true });
  let when = now;
  let path = join(dir, `revive-${stamp(when)}.sqlite`);
  // Two backups in the same second (CLI and daily timer) must not overwrite each other.
  while (listBackups(dir).some((b) => b.path === path)) {
    when = new Date(when.getTime() + 1000);
    path = join(dir, `revive-${stamp(when)}.sqlite`);
  }
  const tmp = `${path}.partial`;
  await db.backup(tmp);
  rmSync(path, { force: true });
  renameSync(tmp, path);
  for (const old of listBackups(dir).slice(keep)) rmSync(old.path, { force: true });
  return { path, createdAt: parseStamp(stamp(when)), sizeBytes: statSync(path).size };
}
