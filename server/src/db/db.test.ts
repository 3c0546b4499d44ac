import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase, listBackups, migrate, openDatabase, readMigrations, type Migration } from './index.js';
import Database from 'better-sqlite3';

const dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'revive-db-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function m(version: number, sql: string): Migration {
  return { version, name: `${String(version).padStart(4, '0')}_test_${version}`, sql, checksum: `c${version}:${sql.length}` };
}

describe('openDatabase', () => {
  it('turns on WAL, foreign keys and a busy timeout, and loads sqlite-vec', () => {
    const { db, vec } = openDatabase(join(tmp(), 'x.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(vec.ok).toBe(true);
    expect(vec.version).toMatch(/^v0\.1\./);
    db.exec('create virtual table v using vec0(embedding float[2])');
    db.prepare('insert into v(rowid, embedding) values (1, ?)').run(new Float32Array([1, 0]));
    db.close();
  });
});

describe('migrate', () => {
  it('applies the real migrations once and records them', () => {
    const { db } = openDatabase(':memory:');
    const first = migrate(db);
    expect(first.applied.length).toBe(readMigrations().length);
    expect(migrate(db).applied).toEqual([]);
    const rows = db.prepare('select version from schema_migrations order by version').all();
    expect(rows).toHaveLength(readMigrations().length);
  });

  it('rolls a failing migration back entirely, records nothing for it, and keeps earlier ones', () => {
    const { db } = openDatabase(':memory:');
    const good = m(1, 'create table a (x int);');
    const bad = m(2, 'create table b (x int); insert into nowhere values (1);');
    expect(() => migrate(db, [good, bad])).toThrow();
    const tables = db.prepare("select name from sqlite_master where type='table'").all() as { name: string }[];
    expect(tables.map((t) => t.name)).toContain('a');
    expect(tables.map((t) => t.name)).not.toContain('b');
    expect(db.prepare('select version from schema_migrations').all()).toEqual([{ version: 1 }]);
  });

  it('refuses to run when an applied migration was edited', () => {
    const { db } = openDatabase(':memory:');
    migrate(db, [m(1, 'create table a (x int);')]);
    expect(() => migrate(db, [{ ...m(1, 'create table a (x int);'), checksum: 'other' }])).toThrow(/changed after it was applied/);
  });

  it('refuses two files with the same number', () => {
    const dir = tmp();
    writeFileSync(join(dir, '0001_a_one.sql'), 'select 1;');
    writeFileSync(join(dir, '0001_b_two.sql'), 'select 2;');
    expect(() => readMigrations(dir)).toThrow(/Two migrations are numbered 1/);
  });
});

describe('backups', () => {
  it('makes a consistent online copy while the database is open, and keeps the newest 7', async () => {
    const dir = tmp();
    const { db } = openDatabase(join(dir, 'revive.sqlite'));
    db.exec('create table t (n int)');
    db.prepare('insert into t values (?)').run(42);
    const base = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 0; i < 9; i += 1) await backupDatabase(db, join(dir, 'backups'), 7, new Date(base + i * 86_400_000));
    const kept = listBackups(join(dir, 'backups'));
    expect(kept).toHaveLength(7);
    expect(kept[0]?.createdAt).toBe('2026-01-09T00:00:00Z');
    expect(kept.at(-1)?.createdAt).toBe('2026-01-03T00:00:00Z');
    const copy = new Database(kept[0]!.path, { readonly: true });
    expect(copy.prepare('select n from t').get()).toEqual({ n: 42 });
    copy.close();
    db.close();
  });

  it('never overwrites a backup made in the same second', async () => {
    const dir = tmp();
    const { db } = openDatabase(join(dir, 'revive.sqlite'));
    const when = new Date('2026-02-02T10:00:00Z');
    const a = await backupDatabase(db, join(dir, 'b'), 7, when);
    const b = await backupDatabase(db, join(dir, 'b'), 7, when);
    expect(a.path).not.toBe(b.path);
    expect(listBackups(join(dir, 'b'))).toHaveLength(2);
    db.close();
  });
});
