import { SegmentInputSchema, type Segment, type SegmentRule } from '../contracts/index.js';
import type { Db } from '../db/index.js';
import { DomainError, fieldErrors } from '../shared/errors.js';
import { segmentSql, type Where } from './contact-query.js';

interface SegmentRow {
  id: number;
  name: string;
  description: string;
  match: 'all' | 'any';
  rules: string;
  built_in: number;
}

function input(body: unknown) {
  const parsed = SegmentInputSchema.safeParse(body);
  if (!parsed.success) throw new DomainError('validation', 'The segment is not valid', fieldErrors(parsed.error.issues));
  return parsed.data;
}

/**
 * Saved segments: rules evaluated in SQL and counted live (test shoppers never counted). The
 * built-ins (Big Spenders, Window Shoppers, Cold Leads) come with the migration: their rules are
 * editable, they cannot be deleted.
 */
export function createSegments(db: Db, clock: () => Date = () => new Date()) {
  const all = db.prepare<[], SegmentRow>('select * from segments order by built_in desc, name');
  const byId = db.prepare<[number], SegmentRow>('select * from segments where id = ?');
  const byName = db.prepare<[string], SegmentRow>('select * from segments where name = ?');
  const now = () => clock().toISOString();

  function where(match: 'all' | 'any', rules: SegmentRule[]): Where {
    return segmentSql(match, rules, clock());
  }
  function count(w: Where): number {
    return (db.prepare(`select count(*) as n from contacts c where c.is_test = 0 and ${w.sql}`).get(...w.params) as { n: number }).n;
  }
  function toSegment(r: SegmentRow): Segment {
    const rules = JSON.parse(r.rules) as SegmentRule[];
    return { id: r.id, name: r.name, description: r.description, match: r.match, rules, builtIn: r.built_in === 1, count: count(where(r.match, rules)) };
  }
  function need(id: number): SegmentRow {
    const r = byId.get(id);
    if (!r) throw new DomainError('not_found', `There is no segment ${id}`);
    return r;
  }
  function unique(name: string, id: number | null): void {
    const other = byName.get(name);
    if (other && other.id !== id) throw new DomainError('conflict', `There is already a segment called "${other.name}"`, { name: 'Choose another name' });
  }

  return {
    list: () => ({ segments: all.all().map(toSegment) }),
    get: (id: number) => toSegment(need(id)),
    /** A segment by id or name (the CLI's --segment). */
    find(ref: string): Segment {
      const r = /^\d+$/.test(ref) ? byId.get(Number(ref)) : byName.get(ref.trim());
      if (!r) throw new DomainError('not_found', `There is no segment "${ref}"; the segments are: ${all.all().map((s) => s.name).join(', ')}`);
      return toSegment(r);
    },
    /** The SQL of a saved segment, for lists and broadcasts. */
    whereOf(id: number): Where {
      const r = need(id);
      return where(r.match, JSON.parse(r.rules) as SegmentRule[]);
    },
    count(body: unknown): { count: number } {
      const s = input(body);
      return { count: count(where(s.match, s.rules)) };
    },
    create(body: unknown): Segment {
      const s = input(body);
      where(s.match, s.rules);
      unique(s.name, null);
      const t = now();
      const id = Number(db.prepare('insert into segments (name, description, match, rules, built_in, created_at, updated_at) values (?, ?, ?, ?, 0, ?, ?)').run(s.name, s.description, s.match, JSON.stringify(s.rules), t, t).lastInsertRowid);
      return toSegment(need(id));
    },
    update(id: number, body: unknown): Segment {
      need(id);
      const s = input(body);
      where(s.match, s.rules);
      unique(s.name, id);
      db.prepare('update segments set name = ?, description = ?, match = ?, rules = ?, updated_at = ? where id = ?').run(s.name, s.description, s.match, JSON.stringify(s.rules), now(), id);
      return toSegment(need(id));
    },
    delete(id: number): { deleted: number } {
      const r = need(id);
      if (r.built_in) throw new DomainError('conflict', `"${r.name}" is built in: edit its rules instead of deleting it`);
      db.prepare('delete from segments where id = ?').run(id);
      return { deleted: 1 };
    },
  };
}
export type Segments = ReturnType<typeof createSegments>;
