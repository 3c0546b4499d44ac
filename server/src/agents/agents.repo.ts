import type { Db } from '../db/index.js';

export interface AgentRow {
  id: number;
  name: string;
  role: string;
  persona: string;
  skills: string;
  knowledge_sources: string;
  status: 'active' | 'paused';
  is_default: 0 | 1;
  when_paused: 'away_message' | 'inbox';
  away_message: string;
  avatar_kind: 'upload' | 'generated' | 'illustrated' | null;
  avatar_file: string | null;
  avatar_description: string | null;
  created_at: string;
  updated_at: string;
}

/** The columns an insert or a full update writes (JSON columns already serialised). */
export type AgentFields = Pick<AgentRow, 'name' | 'role' | 'persona' | 'skills' | 'knowledge_sources' | 'status' | 'when_paused' | 'away_message'>;
export type AvatarFields = Pick<AgentRow, 'avatar_kind' | 'avatar_file' | 'avatar_description'>;

/** SQL for agents, nothing else. */
export function agentsRepo(db: Db) {
  const all = db.prepare<[], AgentRow>('select * from agents order by created_at, id');
  const byId = db.prepare<[number], AgentRow>('select * from agents where id = ?');
  const byName = db.prepare<[string], AgentRow>('select * from agents where name = ? collate nocase');
  const byDefault = db.prepare<[], AgentRow>('select * from agents where is_default = 1');
  const count = db.prepare<[], { n: number }>('select count(*) as n from agents');
  const insert = db.prepare<AgentFields & AvatarFields & { is_default: number; now: string }>(
    `insert into agents (name, role, persona, skills, knowledge_sources, status, is_default, when_paused, away_message,
       avatar_kind, avatar_file, avatar_description, created_at, updated_at)
     values (@name, @role, @persona, @skills, @knowledge_sources, @status, @is_default, @when_paused, @away_message,
       @avatar_kind, @avatar_file, @avatar_description, @now, @now)`,
  );
  const update = db.prepare<AgentFields & { id: number; now: string }>(
    `update agents set name = @name, role = @role, persona = @persona, skills = @skills, knowledge_sources = @knowledge_sources,
       status = @status, when_paused = @when_paused, away_message = @away_message, updated_at = @now where id = @id`,
  );
  const setAvatar = db.prepare<AvatarFields & { id: number; now: string }>(
    'update agents set avatar_kind = @avatar_kind, avatar_file = @avatar_file, avatar_description = @avatar_description, updated_at = @now where id = @id',
  );
  // Drawing an illustrated avatar on first view stores its file without counting as an edit.
  const setAvatarFile = db.prepare<[string, number]>('update agents set avatar_file = ? where id = ?');
  const clearDefault = db.prepare<[string]>('update agents set is_default = 0, updated_at = ? where is_default = 1');
  const setDefault = db.prepare<[string, number]>('update agents set is_default = 1, updated_at = ? where id = ?');
  const oldestOther = db.prepare<[number], AgentRow>('select * from agents where id != ? order by created_at, id limit 1');
  const remove = db.prepare<[number]>('delete from agents where id = ?');

  return {
    list: () => all.all(),
    get: (id: number) => byId.get(id),
    byName: (name: string) => byName.get(name),
    defaultAgent: () => byDefault.get(),
    count: () => count.get()?.n ?? 0,
    insert: (fields: AgentFields & AvatarFields & { is_default: boolean }, now: string) =>
      Number(insert.run({ ...fields, is_default: fields.is_default ? 1 : 0, now }).lastInsertRowid),
    update: (id: number, fields: AgentFields, now: string) => void update.run({ ...fields, id, now }),
    setAvatar: (id: number, avatar: AvatarFields, now: string) => void setAvatar.run({ ...avatar, id, now }),
    setAvatarFile: (id: number, file: string) => void setAvatarFile.run(file, id),
    /** Moves the default to `id` (the caller wraps it in a transaction with whatever else must hold). */
    makeDefault: (id: number, now: string) => {
      clearDefault.run(now);
      setDefault.run(now, id);
    },
    oldestOther: (id: number) => oldestOther.get(id),
    delete: (id: number) => remove.run(id).changes,
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
  };
}
export type AgentsRepo = ReturnType<typeof agentsRepo>;
