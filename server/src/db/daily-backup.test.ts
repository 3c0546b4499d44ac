import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase, listBackups, openDatabase, startDailyBackups } from './index.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('daily backups', () => {
  it('makes a backup when there is none, and none while the newest is less than a day old', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'revive-daily-'));
    dirs.push(dir);
    const { db } = openDatabase(join(dir, 'revive.sqlite'));
    const stop = startDailyBackups(db, join(dir, 'backups'), pino({ level: 'silent' }), { firstCheckMs: 10, checkEveryMs: 30 });
    await expect.poll(() => listBackups(join(dir, 'backups')).length).toBe(1);
    await new Promise((r) => setTimeout(r, 150));
    expect(listBackups(join(dir, 'backups'))).toHaveLength(1);
    stop();
    db.close();
  });

  it('makes a new one when the newest is older than a day', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'revive-daily-'));
    dirs.push(dir);
    const { db } = openDatabase(join(dir, 'revive.sqlite'));
    await backupDatabase(db, join(dir, 'backups'), 7, new Date(Date.now() - 25 * 3600 * 1000));
    const stop = startDailyBackups(db, join(dir, 'backups'), pino({ level: 'silent' }), { firstCheckMs: 10, checkEveryMs: 1000 });
    await expect.poll(() => listBackups(join(dir, 'backups')).length).toBe(2);
    stop();
    db.close();
  });
});
