import { BulkTagSchema, TagBanSchema, TagMergeSchema, TagRenameSchema, type TagInfoSchema } from '../contracts/index.js';
import type { z } from 'zod';
import type { Db } from '../db/index.js';
import { DomainError, fieldErrors } from '../shared/errors.js';
import { tagsRepo, type TagSource } from './tags.repo.js';

type TagInfo = z.infer<typeof TagInfoSchema>;

function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const r = schema.safeParse(body);
  if (!r.success) throw new DomainError('validation', `${what} is not valid`, fieldErrors(r.error.issues));
  return r.data;
}

/** "#Bridal Shopper" → "BridalShopper"; tags are stored without the #. */
export const cleanTag = (t: string) => t.trim().replace(/^#+/, '').replace(/\s+/g, '');

/**
 * Tags: the owner's, an import's, and auto-tagging's (with why). Rules: a banned tag is removed
 * everywhere and never given again by an import or auto-tagging; a tag the owner removed from a
 * contact is never given back to that contact by auto-tagging (the owner can add it by hand).
 */
export function createTags(db: Db, now: () => string, changed: (ids: number[]) => void) {
  const repo = tagsRepo(db);
  const tx = <T>(fn: () => T): T => db.transaction(fn)();

  function list(): { tags: TagInfo[] } {
    const bans = new Set(repo.bans().map((t) => t.toLowerCase()));
    const tags: TagInfo[] = repo.summary().map((s) => ({ tag: s.tag, count: s.count, auto: s.auto ?? 0, banned: bans.has(s.tag.toLowerCase()) }));
    for (const b of repo.bans()) if (!tags.some((t) => t.tag.toLowerCase() === b.toLowerCase())) tags.push({ tag: b, count: 0, auto: 0, banned: true });
    return { tags };
  }

  function refuseBanned(tags: string[]): void {
    const banned = tags.filter((t) => repo.isBanned(t));
    if (banned.length) throw new DomainError('validation', `${banned.map((t) => `#${t}`).join(', ')} ${banned.length > 1 ? 'are' : 'is'} banned; unban it in Tags first`);
  }

  return {
    repo,
    list,
    /** The contact's tags become exactly `tags` (the owner's edit). Removed ones are remembered. */
    set(contactId: number, tags: string[], source: TagSource): void {
      const want = new Map(tags.map(cleanTag).filter(Boolean).map((t) => [t.toLowerCase(), t]));
      const have = repo.of(contactId);
      refuseBanned([...want.values()].filter((t) => !have.some((h) => h.tag.toLowerCase() === t.toLowerCase())));
      const at = now();
      for (const h of have) {
        if (want.has(h.tag.toLowerCase())) continue;
        repo.drop(contactId, h.tag);
        repo.rememberRemoval(contactId, h.tag, at);
      }
      for (const t of want.values()) repo.add({ contact_id: contactId, tag: t, source, reason: null, at });
    },
    /** Tags given by an import: added (never removed); banned ones skipped and returned. */
    addFromImport(contactId: number, tags: string[], at: string): { added: number; banned: string[] } {
      const banned: string[] = [];
      let added = 0;
      for (const t of tags) {
        if (repo.isBanned(t)) banned.push(t);
        else if (repo.add({ contact_id: contactId, tag: t, source: 'import', reason: null, at })) added += 1;
      }
      return { added, banned };
    },
    /** Auto-tagging: given unless banned or once removed by the owner from this contact. True when added. */
    auto(contactId: number, tag: string, reason: string): boolean {
      if (repo.isBanned(tag) || repo.wasRemoved(contactId, tag)) return false;
      const added = repo.add({ contact_id: contactId, tag, source: 'auto', reason, at: now() });
      if (added) changed([contactId]);
      return added;
    },
    bulk(body: unknown): { changed: number } {
      const { ids, add, remove } = parse(BulkTagSchema, body, 'The tag change');
      refuseBanned(add);
      const at = now();
      const touched = new Set<number>();
      tx(() => {
        for (const id of ids) {
          for (const t of add) if (repo.add({ contact_id: id, tag: cleanTag(t), source: 'manual', reason: null, at })) touched.add(id);
          for (const t of remove) {
            if (repo.drop(id, cleanTag(t))) {
              repo.rememberRemoval(id, cleanTag(t), at);
              touched.add(id);
            }
          }
        }
      });
      changed([...touched]);
      return { changed: touched.size };
    },
    rename(body: unknown): { tags: TagInfo[] } {
      const { from, to } = parse(TagRenameSchema, body, 'The rename');
      if (repo.isBanned(to)) throw new DomainError('validation', `#${to} is banned; unban it first`);
      const ids = repo.holders(from);
      if (!ids.length) throw new DomainError('not_found', `No contact has #${from}`);
      tx(() => repo.rename(from, to));
      changed(ids);
      return list();
    },
    merge(body: unknown): { tags: TagInfo[] } {
      const { from, to } = parse(TagMergeSchema, body, 'The merge');
      if (repo.isBanned(to)) throw new DomainError('validation', `#${to} is banned; unban it first`);
      const ids = from.flatMap((f) => repo.holders(f));
      tx(() => {
        for (const f of from) if (f.toLowerCase() !== to.toLowerCase()) repo.rename(f, to);
      });
      changed([...new Set(ids)]);
      return list();
    },
    ban(body: unknown): { tags: TagInfo[] } {
      const { tag, banned } = parse(TagBanSchema, body, 'The ban');
      const ids = banned ? repo.holders(tag) : [];
      tx(() => {
        if (banned) {
          repo.ban(tag, now());
          repo.dropEverywhere(tag);
        } else repo.unban(tag);
      });
      changed(ids);
      return list();
    },
  };
}
export type Tags = ReturnType<typeof createTags>;
