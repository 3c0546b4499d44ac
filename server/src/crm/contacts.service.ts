import type { Contact, ContactDetail, ContactList } from '../contracts/index.js';
import type { Db } from '../db/index.js';
import { DomainError } from '../shared/errors.js';
import { contactsRepo, type ContactFields, type ContactRow } from './contacts.repo.js';
import { e164FromWaId } from './phone.js';

/** Meta's customer-service window: free-form messages are allowed this long after the shopper's last message. */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

/** How WhatsApp names a shopper. Any field may be missing; a contact needs a wa_id or a user id. */
export interface WhatsAppIdentity {
  waId?: string | null;
  userId?: string | null;
  parentUserId?: string | null;
  username?: string | null;
  name?: string | null;
}

/**
 * Contacts: found by business-scoped user id first (it survives number changes and hidden phone
 * numbers), then WhatsApp id, then phone. An id another contact already holds stays with it;
 * merging two contacts is the Audience issue's work.
 */
export function createCrmService(db: Db, clock: () => Date = () => new Date()) {
  const repo = contactsRepo(db);
  const now = () => clock().toISOString();

  function toContact(r: ContactRow): Contact {
    const until = r.last_inbound_at ? new Date(Date.parse(r.last_inbound_at) + SERVICE_WINDOW_MS) : null;
    return {
      id: r.id, waId: r.wa_id, userId: r.user_id, parentUserId: r.parent_user_id, username: r.username, phone: r.phone, name: r.name,
      lastInboundAt: r.last_inbound_at, windowOpenUntil: until?.toISOString() ?? null, windowOpen: until !== null && until > clock(),
      marketingPreference: r.marketing_preference, marketingPreferenceAt: r.marketing_preference_at,
      email: null, city: null, birthday: null, anniversary: null, totalSpend: 0, lastPurchaseAt: null, lastMessageAt: r.last_inbound_at, messageCount: 0,
      source: 'whatsapp', optIn: r.marketing_preference === 'stop' ? 'opted_out' : 'unknown', tags: [], notes: '', custom: {}, isTest: false,
      createdAt: r.created_at, updatedAt: r.updated_at,
    };
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
        name: identity.name || row?.name || null,
      };
      const t = now();
      if (!row) return repo.get(repo.insert(fields, t)) as ContactRow;
      const changed = (Object.keys(fields) as (keyof ContactFields)[]).some((k) => fields[k] !== row[k]);
      if (changed) repo.update(row.id, fields, t);
      return changed ? (repo.get(row.id) as ContactRow) : row;
    });
  }

  function must(id: number): ContactRow {
    const row = repo.get(id);
    if (!row) throw new DomainError('not_found', `There is no contact ${id}`);
    return row;
  }

  return {
    upsertFromWhatsApp: (identity: WhatsAppIdentity): Contact => toContact(upsert(identity)),
    /** The shopper wrote at `at`: the 24-hour window restarts (never moves back for a late redelivery). */
    recordInbound(contactId: number, at: string): void {
      repo.touchInbound(contactId, at, now());
    },
    /** A user_preferences change; an older one arriving late does not undo a newer one. */
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
    get: (id: number): ContactDetail => ({ ...toContact(must(id)), tagDetails: [], merges: [] }),
    list({ limit = 50, offset = 0 }: { limit?: number; offset?: number } = {}): ContactList {
      return { total: repo.count(), contacts: repo.page(limit, offset).map(toContact) };
    },
  };
}
export type CrmService = ReturnType<typeof createCrmService>;
