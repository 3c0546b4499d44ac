import type { Db } from '../db/index.js';
import type Database from 'better-sqlite3';
import type { OpsEvent, OpsEventType } from '../contracts/index.js';

/** An event before it is stored: everything but the cursor. */
export type OpsEventDraft = Omit<OpsEvent, 'cursor'>;

export interface EventRow {
  cursor: number;
  time: string;
  type: OpsEventType;
  agent_id: number | null;
  agent: string | null;
  contact_id: number | null;
  contact: string | null;
  detail: string;
  data: string;
}

/** What a page of the log is filtered by (all optional; empty lists mean everything). */
export interface EventQuery {
  since?: number | undefined;
  types?: readonly string[] | undefined;
  agents?: readonly number[] | undefined;
  contacts?: readonly number[] | undefined;
  q?: string | undefined;
  limit: number;
}

export const toEvent = (r: EventRow): OpsEvent => ({
  cursor: r.cursor, time: r.time, type: r.type, agent: r.agent, agentId: r.agent_id, contact: r.contact, contactId: r.contact_id, detail: r.detail,
  data: JSON.parse(r.data) as Record<string, unknown>,
});

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** SQL for the event log, nothing else. */
export function eventsRepo(db: Db) {
  const insert = db.prepare<[string, string, number | null, string | null, number | null, string | null, string, string]>(
    'insert into ops_events (time, type, agent_id, agent, contact_id, contact, detail, data) values (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertMany = db.transaction((drafts: OpsEventDraft[]): number[] =>
    drafts.map((e) => Number(insert.run(e.time, e.type, e.agentId, e.agent, e.contactId, e.contact, e.detail, JSON.stringify(e.data)).lastInsertRowid)),
  );
  const count = db.prepare<[], { n: number }>('select count(*) as n from ops_events');
  const head = db.prepare<[], { c: number | null }>('select max(cursor) as c from ops_events');
  const oldByAge = db.prepare<[string, number], { cursor: number }>('select cursor from ops_events where time < ? order by time limit ?');
  const oldest = db.prepare<[number], { cursor: number }>('select cursor from ops_events order by cursor limit ?');
  const remove = db.prepare<[string]>('delete from ops_events where cursor in (select value from json_each(?))');
  const pages = new Map<string, Database.Statement<unknown[], EventRow>>();

  return {
    /** Stores the drafts in one transaction; their cursors, in order. */
    insert: (drafts: OpsEventDraft[]): number[] => insertMany(drafts),
    count: () => count.get()?.n ?? 0,
    head: () => head.get()?.c ?? 0,
    /** Deletes up to `batch` events older than `before`; how many went. */
    pruneOlderThan(before: string, batch: number): number {
      const ids = oldByAge.all(before, batch).map((r) => r.cursor);
      return ids.length ? remove.run(JSON.stringify(ids)).changes : 0;
    },
    /** Deletes the `n` (≤ batch) oldest events; how many went. */
    pruneOldest(n: number): number {
      const ids = oldest.all(n).map((r) => r.cursor);
      return ids.length ? remove.run(JSON.stringify(ids)).changes : 0;
    },
    /** Events after `since`, oldest first, matching every given filter. Statements are cached per shape. */
    page(query: EventQuery): OpsEvent[] {
      const where = ['cursor > ?'];
      const args: (string | number)[] = [query.since ?? 0];
      if (query.types?.length) {
        where.push(`type in (${placeholders(query.types.length)})`);
        args.push(...query.types);
      }
      if (query.agents?.length) {
        where.push(`agent_id in (${placeholders(query.agents.length)})`);
        args.push(...query.agents);
      }
      if (query.contacts?.length) {
        where.push(`contact_id in (${placeholders(query.contacts.length)})`);
        args.push(...query.contacts);
      }
      if (query.q) {
        where.push("(detail like ? escape '\\' or agent like ? escape '\\' or contact like ? escape '\\')");
        const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        args.push(like, like, like);
      }
      const sql = `select * from ops_events where ${where.join(' and ')} order by cursor limit ?`;
      let stmt = pages.get(sql);
      if (!stmt) {
        stmt = db.prepare<unknown[], EventRow>(sql);
        if (pages.size < 200) pages.set(sql, stmt);
      }
      return stmt.all(...args, query.limit).map(toEvent);
    },
  };
}
export type EventsRepo = ReturnType<typeof eventsRepo>;
