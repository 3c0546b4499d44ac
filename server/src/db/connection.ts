import Database from 'better-sqlite3';
import * as sqliteVec from 'sqlite-vec';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

export interface VecStatus {
  ok: boolean;
  version: string | null;
  error: string | null;
}

/**
 * Opens the store's database with the pragmas every connection needs: WAL (readers never block
 * the writer, and a committed outbox row survives a crash), foreign keys, a busy timeout for the
 * CLI running beside the server, and sqlite-vec loaded and checked.
 */
export function openDatabase(file: string): { db: Db; vec: VecStatus } {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Vector scans read every embedding: through the page cache they were 5x slower than mapped.
  db.pragma('mmap_size = 1073741824');
  return { db, vec: loadVec(db) };
}

function loadVec(db: Db): VecStatus {
  try {
    sqliteVec.load(db);
    const row = db.prepare('select vec_version() as v').get() as { v: string };
    return { ok: true, version: row.v, error: null };
  } catch (err) {
    return { ok: false, version: null, error: err instanceof Error ? err.message : String(err) };
  }
}

export function journalMode(db: Db): string {
  return String(db.pragma('journal_mode', { simple: true }));
}
