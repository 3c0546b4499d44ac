import type { Db } from '../db/index.js';

export type TagSource = 'manual' | 'import' | 'auto';
export interface TagRow {
  contact_id: number;
  tag: string;
  source: TagSource;
  reason: string | null;
  at: string;
}
export interface MergeRow {
  id: number;
  contact_id: number;
  merged_contact_id: number;
  via: 'import' | 'whatsapp' | 'manual';
  fields: string;
  at: string;
}

/** SQL for tags, bans, removals and merge history. */
export function tagsRepo(db: Db) {
  const of = db.prepare<[number], TagRow>('select * from contact_tags where contact_id = ? order by at, tag');
  // Keeps the first reason a contact got a tag (the owner sees why it was first given).
  const add = db.prepare<TagRow>('insert into contact_tags (contact_id, tag, source, reason, at) values (@contact_id, @tag, @source, @reason, @at) on conflict do nothing');
  const drop = db.prepare<[number, string]>('delete from contact_tags where contact_id = ? and tag = ?');
  const remember = db.prepare<[number, string, string]>('insert into tag_removals (contact_id, tag, at) values (?, ?, ?) on conflict do nothing');
  const removed = db.prepare<[number, string], { n: number }>('select 1 as n from tag_removals where contact_id = ? and tag = ?');
  const banned = db.prepare<[string], { n: number }>('select 1 as n from tag_bans where tag = ?');
  const bans = db.prepare<[], { tag: string }>('select tag from tag_bans order by tag');
  const ban = db.prepare<[string, string]>('insert into tag_bans (tag, at) values (?, ?) on conflict do nothing');
  const unban = db.prepare<[string]>('delete from tag_bans where tag = ?');
  const dropEverywhere = db.prepare<[string]>('delete from contact_tags where tag = ?');
  const holders = db.prepare<[string], { contact_id: number }>('select contact_id from contact_tags where tag = ?');
  const summary = db.prepare<[], { tag: string; count: number; auto: number }>(
    `select t.tag as tag, count(*) as count, sum(t.source = 'auto') as auto
     from contact_tags t join contacts c on c.id = t.contact_id where c.is_test = 0 group by t.tag collate nocase order by count(*) desc, t.tag`,
  );
  const retag = db.prepare<[string, string]>(
    `insert into contact_tags (contact_id, tag, source, reason, at) select contact_id, ?, source, reason, at from contact_tags where tag = ? on conflict do nothing`,
  );
  const moveTags = db.prepare<[number, number]>(
    'insert into contact_tags (contact_id, tag, source, reason, at) select ?, tag, source, reason, at from contact_tags where contact_id = ? on conflict do nothing',
  );
  const merges = db.prepare<[number], MergeRow>('select * from contact_merges where contact_id = ? order by id');
  const addMerge = db.prepare<Omit<MergeRow, 'id'>>('insert into contact_merges (contact_id, merged_contact_id, via, fields, at) values (@contact_id, @merged_contact_id, @via, @fields, @at)');
  const moveMerges = db.prepare<[number, number]>('update contact_merges set contact_id = ? where contact_id = ?');

  return {
    of: (contactId: number) => of.all(contactId),
    ofMany(ids: number[]): Map<number, string[]> {
      const out = new Map<number, string[]>();
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        const rows = db.prepare(`select contact_id, tag from contact_tags where contact_id in (${chunk.map(() => '?').join(',')}) order by at, tag`).all(...chunk) as { contact_id: number; tag: string }[];
        for (const r of rows) out.set(r.contact_id, [...(out.get(r.contact_id) ?? []), r.tag]);
      }
      return out;
    },
    add: (r: TagRow) => add.run(r).changes > 0,
    drop: (contactId: number, tag: string) => drop.run(contactId, tag).changes > 0,
    rememberRemoval: (contactId: number, tag: string, at: string) => void remember.run(contactId, tag, at),
    wasRemoved: (contactId: number, tag: string) => removed.get(contactId, tag) !== undefined,
    isBanned: (tag: string) => banned.get(tag) !== undefined,
    bans: () => bans.all().map((r) => r.tag),
    ban: (tag: string, at: string) => void ban.run(tag, at),
    unban: (tag: string) => void unban.run(tag),
    holders: (tag: string) => holders.all(tag).map((r) => r.contact_id),
    dropEverywhere: (tag: string) => dropEverywhere.run(tag).changes,
    summary: () => summary.all(),
    /** Every holder of `from` gets `to` (keeping source and reason); then `from` goes. */
    rename(from: string, to: string): void {
      retag.run(to, from);
      if (from.toLowerCase() !== to.toLowerCase()) dropEverywhere.run(from);
      else db.prepare('update contact_tags set tag = ? where tag = ?').run(to, from);
    },
    moveTags: (toId: number, fromId: number) => void moveTags.run(toId, fromId),
    merges: (contactId: number) => merges.all(contactId),
    addMerge: (r: Omit<MergeRow, 'id'>) => void addMerge.run(r),
    moveMerges: (toId: number, fromId: number) => void moveMerges.run(toId, fromId),
  };
}
export type TagsRepo = ReturnType<typeof tagsRepo>;
