import { describe, expect, it } from 'vitest';
import { migrate, openDatabase, readMigrations } from '../db/index.js';

describe('migration 0030', () => {
  it('lets the log keep VISIT events, with its rows, indexes and cursor sequence as they were', () => {
    const { db } = openDatabase(':memory:');
    const all = readMigrations();
    migrate(db, all.filter((m) => m.version < 30));
    const add = db.prepare("insert into ops_events (time, type, detail) values ('2026-12-01T10:00:00.000Z', ?, ?)");
    for (const [type, detail] of [['INBOUND', 'hi'], ['DEAL', 'moved'], ['ERROR', 'boom']]) add.run(type, detail);
    expect(() => add.run('VISIT', 'booked')).toThrow(/CHECK constraint/);
    db.prepare('delete from ops_events where cursor = 3').run(); // pruning took the newest

    migrate(db, all);
    expect(db.prepare('select cursor, type, detail from ops_events order by cursor').all()).toEqual([
      { cursor: 1, type: 'INBOUND', detail: 'hi' },
      { cursor: 2, type: 'DEAL', detail: 'moved' },
    ]);
    // cursor 3 was given once and is not given again
    expect(add.run('VISIT', 'booked').lastInsertRowid).toBe(4);
    expect(() => add.run('NOPE', 'x')).toThrow(/CHECK constraint/);
    const indexes = (db.prepare("select name from sqlite_master where type = 'index' and tbl_name = 'ops_events' order by name").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(['ops_events_agent', 'ops_events_contact', 'ops_events_time', 'ops_events_type']);
  });

  it('starts an empty, never-used log at cursor 1', () => {
    const { db } = openDatabase(':memory:');
    migrate(db, readMigrations());
    expect(db.prepare("insert into ops_events (time, type, detail) values ('2026-12-01T10:00:00.000Z', 'VISIT', 'booked')").run().lastInsertRowid).toBe(1);
  });
});
