import { describe, expect, it } from 'vitest';
import { migrate, openDatabase, readMigrations } from '../db/index.js';

describe('migration 0020', () => {
  it('switches human_handoff on for agents saved while it was a greyed placeholder, leaving the other skills alone', () => {
    const { db } = openDatabase(':memory:');
    const all = readMigrations();
    migrate(db, all.filter((m) => m.version < 20));
    const skills = [
      { id: 'catalog_search', enabled: false, config: { maxResults: 5 } },
      { id: 'human_handoff', enabled: false, config: { sentimentThreshold: -0.7, notifyOwner: false } },
    ];
    db.prepare("insert into agents (name, persona, skills, created_at, updated_at) values ('Aarav', '{}', ?, 'x', 'x')").run(JSON.stringify(skills));
    migrate(db, all);
    const after = JSON.parse((db.prepare('select skills from agents').get() as { skills: string }).skills);
    expect(after).toEqual([skills[0], { ...skills[1], enabled: true }]);
    const cols = (db.prepare("select name from pragma_table_info('threads')").all() as { name: string }[]).map((c) => c.name);
    expect(cols).toEqual(expect.arrayContaining(['handoff_reason', 'handoff_at', 'failed_turns', 'owner_read_at']));
  });
});
