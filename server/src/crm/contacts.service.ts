import { ContactCreateSchema, ContactPatchSchema, type Contact, type ContactDetail, type ContactList, type LiveMessage } from '../contracts/index.js';
import type { Db } from '../db/index.js';
import { DomainError, fieldErrors } from '../shared/errors.js';
import { listSql, type ListQuery } from './contact-query.js';
import { contactsRepo, type ContactFields, type ContactRow, type Profile } from './contacts.repo.js';
import { foldProfile, mergeContacts, profileOf } from './merge.js';
import { e164FromWaId, normalizePhone } from './phone.js';
import { createTags } from './tags.service.js';

/** Meta's customer-service window: free-form messages are allowed this long after the shopper's last message. */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

/** How WhatsApp names a shopper. Any field may be missing; a contact needs a wa_id or a user id. */
export interface WhatsAppIdentity {
  waId?: string | null;
  userId?: string | null;
  parentUserId?: string | null;
  username?: string | null;
  name?: string | null;
  /** A simulator or `revive chat` shopper: a new contact is created hidden (source simulator). */
  isTest?: boolean;
}

export interface CrmOptions {
  publish?: (message: LiveMessage) => void;
}

/**
 * Contacts: found by business-scoped user id first (it survives number changes and hidden phone
 * numbers), then WhatsApp id, then phone. An id another contact already holds stays with it.
 */
export function createCrmService(db: Db, clock: () => Date = () => new Date(), opts: CrmOptions = {}) {
  const repo = contactsRepo(db);
  const tags = createTags(db, () => now(), (ids) => changed(ids));
  const now = () => clock().toISOString();

  function toContact(r: ContactRow, tagList?: string[]): Contact {
    const until = r.last_inbound_at ? new Date(Date.parse(r.last_inbound_at) + SERVICE_WINDOW_MS) : null;
    return {
      id: r.id, waId: r.wa_id, userId: r.user_id, parentUserId: r.parent_user_id, username: r.username, phone: r.phone, name: r.name,
      lastInboundAt: r.last_inbound_at, windowOpenUntil: until?.toISOString() ?? null, windowOpen: until !== null && until > clock(),
      marketingPreference: r.marketing_preference, marketingPreferenceAt: r.marketing_preference_at,
      email: r.email, city: r.city, birthday: r.birthday, anniversary: r.anniversary, totalSpend: r.total_spend, lastPurchaseAt: r.last_purchase_at,
      lastMessageAt: r.last_message_at ?? r.last_inbound_at, messageCount: r.message_count,
      source: r.source as Contact['source'], optIn: r.opt_in as Contact['optIn'], tags: tagList ?? tags.repo.of(r.id).map((t) => t.tag),
      notes: r.notes, custom: JSON.parse(r.custom || '{}') as Record<string, string>, isTest: r.is_test === 1,
      createdAt: r.created_at, updatedAt: r.updated_at,
    };
  }

  function changed(ids: number[]): void {
    if (!opts.publish || !ids.length) return;
    const one = ids.length === 1 ? repo.get(ids[0] as number) : undefined;
    opts.publish({ type: 'crm.contacts', time: now(), ids: ids.slice(0, 1000), contact: one ? toContact(one) : null });
  }

  /** A wa_id or phone match belongs to another person when both carry different user ids (a recycled number). */
  const samePerson = (r: ContactRow | undefined, userId: string | null) => (r && !(r.user_id && userId && r.user_id !== userId) ? r : undefined);

  function find(waId: string | null, userId: string | null, phone: () => string | null): ContactRow | undefined {
    const byUser = userId ? repo.byUserId(userId) : undefined;
    if (byUser) return byUser;
    const byWa = waId ? samePerson(repo.byWaId(waId), userId) : undefined;
    if (byWa) return byWa;
    const p = phone();
    return p ? samePerson(repo.byPhone(p), userId) : undefined;
  }

  /** The value when no other contact holds it, else the row's current one. */
  function claim(column: 'wa_id' | 'user_id' | 'phone', value: string | null, row: ContactRow | undefined): string | null {
    const current = row ? row[column] : null;
    if (!value || value === current) return current;
    const holder = column === 'wa_id' ? repo.byWaId(value) : column === 'user_id' ? repo.byUserId(value) : repo.byPhone(value);
    return holder && holder.id !== row?.id ? current : value;
  }

  function upsert(identity: WhatsAppIdentity): ContactRow {
    const waId = identity.waId || null;
    const userId = identity.userId || null;
    if (!waId && !userId) throw new DomainError('validation', 'A WhatsApp contact needs a WhatsApp id or a user id');
    // Parsing the number is the costly part of a repeat message: done only when the wa_id is new.
    let parsed: string | null | undefined;
    const phone = () => (parsed === undefined ? (parsed = e164FromWaId(waId)) : parsed);
    return repo.transaction(() => {
      const row = find(waId, userId, phone);
      const fields: ContactFields = {
        wa_id: claim('wa_id', waId, row),
        user_id: claim('user_id', userId, row),
        phone: row && waId && row.wa_id === waId && row.phone !== null ? row.phone : claim('phone', phone(), row),
        parent_user_id: identity.parentUserId || row?.parent_user_id || null,
        username: identity.username || row?.username || null,
        name: row?.name || identity.name || null,
      };
      // A name the owner or an import gave wins over the WhatsApp profile name; the profile fills a blank.
      if (identity.name && row && (row.source === 'whatsapp' || row.source === 'simulator')) fields.name = identity.name;
      const t = now();
      if (!row) return repo.get(repo.insert(fields, t, identity.isTest ? { source: 'simulator', isTest: true } : {})) as ContactRow;
      const diff = (Object.keys(fields) as (keyof ContactFields)[]).some((k) => fields[k] !== row[k]);
      if (diff) repo.update(row.id, fields, t);
      // An imported or hand-made contact meets its WhatsApp identity: the same person, recorded as a merge.
      if (row.source !== 'whatsapp' && row.source !== 'simulator' && ((!row.wa_id && fields.wa_id) || (!row.user_id && fields.user_id))) {
        const joined = (['wa_id', 'user_id', 'username'] as const).filter((k) => !row[k] && fields[k]);
        tags.repo.addMerge({ contact_id: row.id, merged_contact_id: 0, via: 'whatsapp', fields: JSON.stringify(joined), at: t });
      }
      return diff ? (repo.get(row.id) as ContactRow) : row;
    });
  }

  function must(id: number): ContactRow {
    const row = repo.get(id);
    if (!row) throw new DomainError('not_found', `There is no contact ${id}`);
    return row;
  }

  function detail(id: number): ContactDetail {
    const row = must(id);
    const tagRows = tags.repo.of(id);
    return {
      ...toContact(row, tagRows.map((t) => t.tag)),
      tagDetails: tagRows.map((t) => ({ tag: t.tag, source: t.source, reason: t.reason, at: t.at })),
      merges: tags.repo.merges(id).map((m) => ({ at: m.at, mergedContactId: m.merged_contact_id, via: m.via, fields: JSON.parse(m.fields) as string[] })),
    };
  }

  function page(query: ListQuery, limit: number, offset: number): ContactList {
    const { where, params, order } = listSql(query);
    const total = repo.count(`select count(*) as n from contacts c where ${where}`, params);
    const rows = repo.select(`select c.* from contacts c where ${where} order by ${order} limit ? offset ?`, [...params, limit, offset]);
    const tagMap = tags.repo.ofMany(rows.map((r) => r.id));
    return { total, contacts: rows.map((r) => toContact(r, tagMap.get(r.id) ?? [])) };
  }

  function phoneOf(raw: string | null | undefined): string | null {
    if (raw === null || raw === undefined || raw === '') return null;
    const p = normalizePhone(raw);
    if (!p) throw new DomainError('validation', `"${raw}" is not a phone number`, { phone: 'Use a phone number, e.g. 98765 43210 or +91 98765 43210' });
    return p;
  }

  /** Profile columns from a patch; only the keys given. */
  function profilePatch(p: ReturnType<typeof ContactPatchSchema.parse>): Partial<Profile> {
    const out: Partial<Profile> = {};
    if (p.name !== undefined) out.name = p.name || null;
    if (p.email !== undefined) out.email = p.email || null;
    if (p.city !== undefined) out.city = p.city || null;
    if (p.birthday !== undefined) out.birthday = p.birthday;
    if (p.anniversary !== undefined) out.anniversary = p.anniversary;
    if (p.optIn !== undefined) out.opt_in = p.optIn;
    if (p.notes !== undefined) out.notes = p.notes;
    if (p.custom !== undefined) out.custom = JSON.stringify(p.custom);
    return out;
  }

  return {
    repo,
    tags,
    toContact,
    upsertFromWhatsApp: (identity: WhatsAppIdentity): Contact => toContact(upsert(identity)),
    /** The shopper wrote at `at`: the 24-hour window restarts (never moves back for a late redelivery); one more message counted. */
    recordInbound(contactId: number, at: string): void {
      repo.touchInbound(contactId, at, now());
    },
    /** We wrote at `at` (the last message either way). */
    recordOutbound(contactId: number, at: string): void {
      repo.touchMessage(contactId, at);
    },
    /** A user_preferences change; an older one arriving late does not undo a newer one. "stop" opts the contact out. */
    setMarketingPreference(identity: WhatsAppIdentity, value: string, at: string): Contact {
      const row = upsert(identity);
      repo.setMarketing(row.id, value, at, now());
      return toContact(must(row.id));
    },
    /** A shopper changed number (system message user_changed_number); false when another contact holds it. */
    changeWaId(contactId: number, newWaId: string): boolean {
      return repo.transaction(() => {
        const row = must(contactId);
        const waId = claim('wa_id', newWaId, row);
        if (waId !== newWaId) return false;
        repo.update(row.id, { ...row, wa_id: waId, phone: claim('phone', e164FromWaId(waId), row) }, now());
        return true;
      });
    },
    get: detail,
    list(query: ListQuery & { limit?: number; offset?: number } = {}): ContactList {
      return page(query, query.limit ?? 50, query.offset ?? 0);
    },
    /** These contacts, in this order (the grid's rows after its own filters); ids that are gone are left out. */
    byIds(ids: number[]): Contact[] {
      // One parameter however many ids: SQLite limits how many a statement may have.
      const rows = repo.select('select c.* from json_each(?) j join contacts c on c.id = j.value order by j.key', [JSON.stringify(ids)]);
      const tagMap = tags.repo.ofMany(rows.map((r) => r.id));
      return rows.map((r) => toContact(r, tagMap.get(r.id) ?? []));
    },
    /** Every matching contact (export, the CLI), in the list's order. */
    all: (query: ListQuery = {}): Contact[] => page(query, -1, 0).contacts,
    create(body: unknown): ContactDetail {
      const parsed = ContactCreateSchema.safeParse(body);
      if (!parsed.success) throw new DomainError('validation', 'The contact is not valid', fieldErrors(parsed.error.issues));
      const phone = phoneOf(parsed.data.phone) as string;
      const existing = repo.byPhone(phone) ?? repo.byWaId(phone.slice(1));
      if (existing) throw new DomainError('conflict', `${phone} is already a contact (${existing.name ?? 'no name'})`, { phone: 'This number is already in your contacts' });
      const base: Profile = { name: null, phone, wa_id: null, email: null, city: null, birthday: null, anniversary: null, total_spend: 0, last_purchase_at: null, opt_in: 'unknown', notes: '', custom: '{}' };
      const id = repo.transaction(() => {
        const newId = repo.insertProfile(foldProfile(base, profilePatch(parsed.data), true).profile, now(), 'manual');
        tags.set(newId, parsed.data.tags ?? [], 'manual');
        return newId;
      });
      changed([id]);
      return detail(id);
    },
    /** The owner's edit: given fields replace (blank clears); `tags` is the whole new list. */
    update(id: number, body: unknown): ContactDetail {
      const parsed = ContactPatchSchema.safeParse(body);
      if (!parsed.success) throw new DomainError('validation', 'The change is not valid', fieldErrors(parsed.error.issues));
      repo.transaction(() => {
        const row = must(id);
        const profile = { ...profileOf(row), ...profilePatch(parsed.data) };
        if (parsed.data.phone !== undefined) {
          const phone = phoneOf(parsed.data.phone);
          const holder = phone ? repo.byPhone(phone) : undefined;
          if (holder && holder.id !== id) throw new DomainError('conflict', `${phone} belongs to another contact (${holder.name ?? holder.id}); merge them instead`, { phone: 'Another contact has this number' });
          if (!phone && !row.wa_id && !row.user_id) throw new DomainError('validation', 'A contact needs a phone number', { phone: 'Give a phone number' });
          profile.phone = phone;
        }
        repo.updateProfile(id, profile, now());
        if (parsed.data.tags) tags.set(id, parsed.data.tags, 'manual');
      });
      changed([id]);
      return detail(id);
    },
    /** Folds one contact into another (same person): see merge.ts for the rules. */
    merge(keepId: number, dropId: number, via: 'import' | 'whatsapp' | 'manual' = 'manual'): ContactDetail {
      must(keepId);
      must(dropId);
      mergeContacts(db, repo, tags.repo, keepId, dropId, via, now());
      changed([keepId]);
      return detail(keepId);
    },
    changed,
  };
}
export type CrmService = ReturnType<typeof createCrmService>;
