import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './connection.js';
import { nowIso } from '../shared/time.js';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

/** Reads `NNNN_<domain>_<what>.sql` files in order. Numbers are unique and never reused. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  const seen = new Set<number>();
  return files.map((file) => {
    const version = Number(file.slice(0, 4));
    if (seen.has(version)) throw new Error(`Two migrations are numbered ${version}`);
    seen.add(version);
    const sql = readFileSync(`${dir}/${file}`, 'utf8');
    return { version, name: file.replace(/\.sql$/, ''), sql, checksum: createHash('sha256').update(sql).digest('hex') };
  });
}

/**
 * Applies pending migrations, each in its own transaction together with its record in
 * `schema_migrations`, so a failing migration leaves the database exactly as it was before it.
 * An applied migration whose file has changed since is refused: history is never rewritten.
 */
export function migrate(db: Db, migrations = readMigrations()): { applied: number[]; total: number } {
  db.exec(`create table if not exists schema_migrations (
    version integer primary key, name text not null, checksum text not null, applied_at text not null)`);
  const done = new Map(
    (db.prepare('select version, checksum from schema_migrations').all() as { version: number; checksum: string }[]).map(
      (r) => [r.version, r.checksum],
    ),
  );
  const record = db.prepare('insert into schema_migrations (version, name, checksum, applied_at) values (?, ?, ?, ?)');
  const applied: number[] = [];
  for (const m of migrations) {
    const known = done.get(m.version);
    if (known !== undefined) {
      if (known !== m.checksum) throw new Error(`Migration ${m.name} was changed after it was applied`);
      continue;
    }
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, m.checksum, nowIso());
    })();
    applied.push(m.version);
  }
  return { applied, total: done.size + applied.length };
}
