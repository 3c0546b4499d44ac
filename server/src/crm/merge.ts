import type { Db } from '../db/index.js';
import type { ContactRow, ContactsRepo, Profile, ProfileColumn } from './contacts.repo.js';
import type { TagsRepo } from './tags.repo.js';

/** A value that says nothing: null, '', 0 rupees, opt-in 'unknown', an empty custom object. */
export function isEmptyValue(column: ProfileColumn, v: unknown): boolean {
  if (v === null || v === undefined || v === '') return true;
  if (column === 'total_spend') return v === 0;
  if (column === 'opt_in') return v === 'unknown';
  if (column === 'custom') return v === '{}';
  return false;
}

export function profileOf(r: Profile): Profile {
  return {
    name: r.name, phone: r.phone, wa_id: r.wa_id, email: r.email, city: r.city, birthday: r.birthday, anniversary: r.anniversary,
    total_spend: r.total_spend, last_purchase_at: r.last_purchase_at, opt_in: r.opt_in, notes: r.notes, custom: r.custom,
  };
}

/**
 * Lays `incoming` over `base`, field by field: an incoming value is taken when it is non-empty and
 * newer (or the base has none); an empty or missing one never blanks a field. Custom fields merge
 * key by key the same way. Returns the fields that changed.
 */
export function foldProfile(base: Profile, incoming: Partial<Profile>, incomingNewer: boolean): { profile: Profile; fields: ProfileColumn[] } {
  const profile = { ...base };
  const fields: ProfileColumn[] = [];
  for (const key of Object.keys(incoming) as ProfileColumn[]) {
    const v = incoming[key];
    if (v === undefined || isEmptyValue(key, v)) continue;
    if (key === 'custom') {
      const mine = JSON.parse(base.custom || '{}') as Record<string, string>;
      const theirs = JSON.parse(String(v)) as Record<string, string>;
      const merged = incomingNewer ? { ...mine, ...Object.fromEntries(Object.entries(theirs).filter(([, x]) => x !== '')) } : { ...theirs, ...mine };
      const json = JSON.stringify(merged);
      if (json !== base.custom) {
        profile.custom = json;
        fields.push('custom');
      }
      continue;
    }
    if (v === base[key]) continue;
    if (!incomingNewer && !isEmptyValue(key, base[key])) continue;
    (profile as Record<string, unknown>)[key] = v;
    fields.push(key);
  }
  return { profile, fields };
}

/** Tables whose rows point at a contact (threads, the outbox, deals…), found from the schema. */
function contactReferences(db: Db): { table: string; column: string }[] {
  return db
    .prepare(`select m.name as "table", p."from" as "column" from sqlite_master m join pragma_foreign_key_list(m.name) p where m.type = 'table' and p."table" = 'contacts'`)
    .all() as { table: string; column: string }[];
}

const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;

/**
 * Folds contact `dropId` into `keepId`: each field's newest non-empty value (by the records'
 * updated times), WhatsApp ids kept where the survivor has none, message counts summed, tags and
 * merge history moved, rows elsewhere pointing at the merged contact re-pointed. Records a merge row.
 */
export function mergeContacts(db: Db, repo: ContactsRepo, tags: TagsRepo, keepId: number, dropId: number, via: 'import' | 'whatsapp' | 'manual', now: string): ContactRow {
  return repo.transaction(() => {
    const keep = repo.get(keepId);
    const drop = repo.get(dropId);
    if (!keep || !drop || keep.id === drop.id) return keep as ContactRow;
    const dropNewer = drop.updated_at > keep.updated_at;
    const { profile, fields } = foldProfile(profileOf(keep), profileOf(drop), dropNewer);
    for (const ref of contactReferences(db)) {
      if (ref.table === 'contact_tags' || ref.table === 'contact_merges' || ref.table === 'tag_removals') continue;
      db.prepare(`update or ignore ${quote(ref.table)} set ${quote(ref.column)} = ? where ${quote(ref.column)} = ?`).run(keep.id, drop.id);
    }
    tags.moveTags(keep.id, drop.id);
    tags.moveMerges(keep.id, drop.id);
    repo.remove(drop.id);
    repo.update(keep.id, {
      wa_id: keep.wa_id ?? drop.wa_id, user_id: keep.user_id ?? drop.user_id, parent_user_id: keep.parent_user_id ?? drop.parent_user_id,
      username: keep.username ?? drop.username, phone: profile.phone, name: profile.name,
    }, now);
    repo.updateProfile(keep.id, { ...profile, wa_id: keep.wa_id ?? drop.wa_id }, now);
    repo.addMessages(keep.id, drop.message_count, drop.last_inbound_at);
    if (drop.last_message_at) repo.touchMessage(keep.id, drop.last_message_at);
    tags.addMerge({ contact_id: keep.id, merged_contact_id: drop.id, via, fields: JSON.stringify(fields), at: now });
    return repo.get(keep.id) as ContactRow;
  });
}
