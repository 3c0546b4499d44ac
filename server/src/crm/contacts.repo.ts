import type { Db } from '../db/index.js';

export interface ContactRow {
  id: number;
  wa_id: string | null;
  user_id: string | null;
  parent_user_id: string | null;
  username: string | null;
  phone: string | null;
  name: string | null;
  last_inbound_at: string | null;
  marketing_preference: string | null;
  marketing_preference_at: string | null;
  email: string | null;
  city: string | null;
  birthday: string | null;
  anniversary: string | null;
  total_spend: number;
  last_purchase_at: string | null;
  last_message_at: string | null;
  message_count: number;
  source: string;
  opt_in: string;
  notes: string;
  custom: string;
  is_test: number;
  created_at: string;
  updated_at: string;
}

export type ContactFields = Pick<ContactRow, 'wa_id' | 'user_id' | 'parent_user_id' | 'username' | 'phone' | 'name'>;

/** What the store knows about a person beyond WhatsApp: set by imports, the owner and merges. */
export const PROFILE_COLUMNS = ['name', 'phone', 'wa_id', 'email', 'city', 'birthday', 'anniversary', 'total_spend', 'last_purchase_at', 'opt_in', 'notes', 'custom'] as const;
export type ProfileColumn = (typeof PROFILE_COLUMNS)[number];
export type Profile = Pick<ContactRow, ProfileColumn>;

/** SQL for contacts, nothing else. */
export function contactsRepo(db: Db) {
  const byId = db.prepare<[number], ContactRow>('select * from contacts where id = ?');
  const byUserId = db.prepare<[string], ContactRow>('select * from contacts where user_id = ?');
  const byWaId = db.prepare<[string], ContactRow>('select * from contacts where wa_id = ?');
  const byPhone = db.prepare<[string], ContactRow>('select * from contacts where phone = ?');
  const insert = db.prepare<ContactFields & { now: string; source: string; is_test: number }>(
    `insert into contacts (wa_id, user_id, parent_user_id, username, phone, name, source, is_test, created_at, updated_at)
     values (@wa_id, @user_id, @parent_user_id, @username, @phone, @name, @source, @is_test, @now, @now)`,
  );
  // Positional parameters: an import inserts up to 100k rows, and binding by name costs a lookup per field.
  const insertProfile = db.prepare<[string | null, string | null, string | null, string | null, string | null, string | null, string | null, number, string | null, string, string, string, string, string, string]>(
    `insert into contacts (name, phone, wa_id, email, city, birthday, anniversary, total_spend, last_purchase_at, opt_in, notes, custom, source, is_test, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
  );
  const update = db.prepare<ContactFields & { id: number; now: string }>(
    `update contacts set wa_id = @wa_id, user_id = @user_id, parent_user_id = @parent_user_id, username = @username,
       phone = @phone, name = @name, updated_at = @now where id = @id`,
  );
  const updateProfile = db.prepare<Profile & { id: number; now: string }>(
    `update contacts set name = @name, phone = @phone, wa_id = @wa_id, email = @email, city = @city, birthday = @birthday, anniversary = @anniversary,
       total_spend = @total_spend, last_purchase_at = @last_purchase_at, opt_in = @opt_in, notes = @notes, custom = @custom, updated_at = @now where id = @id`,
  );
  // Retried deliveries arrive late: the window only ever moves forward. A real WhatsApp message
  // also makes a simulator shopper a real one.
  const touchInbound = db.prepare<{ id: number; at: string; now: string }>(
    `update contacts set last_inbound_at = case when last_inbound_at is null or last_inbound_at < @at then @at else last_inbound_at end,
       last_message_at = case when last_message_at is null or last_message_at < @at then @at else last_message_at end,
       message_count = message_count + 1, is_test = 0, updated_at = @now
     where id = @id`,
  );
  const touchMessage = db.prepare<{ id: number; at: string }>(
    'update contacts set last_message_at = @at where id = @id and (last_message_at is null or last_message_at < @at)',
  );
  const setMarketing = db.prepare<{ id: number; value: string; at: string; now: string }>(
    `update contacts set marketing_preference = @value, marketing_preference_at = @at, updated_at = @now,
       opt_in = case when lower(@value) = 'stop' then 'opted_out' when lower(@value) in ('resume', 'signup') then 'opted_in' else opt_in end
     where id = @id and (marketing_preference_at is null or marketing_preference_at <= @at)`,
  );
  const bumpCount = db.prepare<{ id: number; n: number; at: string | null }>(
    `update contacts set message_count = message_count + @n,
       last_message_at = case when @at is not null and (last_message_at is null or last_message_at < @at) then @at else last_message_at end,
       last_inbound_at = case when @at is not null and (last_inbound_at is null or last_inbound_at < @at) then @at else last_inbound_at end
     where id = @id`,
  );
  const remove = db.prepare<[number]>('delete from contacts where id = ?');

  return {
    get: (id: number) => byId.get(id),
    /** Profiles by id, a few hundred ids per query; only the profile's columns (a full row costs twice as much to read). */
    profilesOf(ids: number[]): Map<number, Profile & { id: number }> {
      const out = new Map<number, Profile & { id: number }>();
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        const sql = `select id, ${PROFILE_COLUMNS.join(', ')} from contacts where id in (${chunk.map(() => '?').join(',')})`;
        for (const r of db.prepare(sql).all(...chunk) as (Profile & { id: number })[]) out.set(r.id, r);
      }
      return out;
    },
    byUserId: (userId: string) => byUserId.get(userId),
    byWaId: (waId: string) => byWaId.get(waId),
    byPhone: (phone: string) => byPhone.get(phone),
    insert: (fields: ContactFields, now: string, o: { source?: string; isTest?: boolean } = {}) =>
      Number(insert.run({ ...fields, now, source: o.source ?? 'whatsapp', is_test: o.isTest ? 1 : 0 }).lastInsertRowid),
    insertProfile: (p: Profile, now: string, source: string) =>
      Number(insertProfile.run(p.name, p.phone, p.wa_id, p.email, p.city, p.birthday, p.anniversary, p.total_spend, p.last_purchase_at, p.opt_in, p.notes, p.custom, source, now, now).lastInsertRowid),
    update: (id: number, fields: ContactFields, now: string) => void update.run({ ...fields, id, now }),
    updateProfile: (id: number, p: Profile, now: string) => void updateProfile.run({ ...p, id, now }),
    touchInbound: (id: number, at: string, now: string) => void touchInbound.run({ id, at, now }),
    touchMessage: (id: number, at: string) => void touchMessage.run({ id, at }),
    setMarketing: (id: number, value: string, at: string, now: string) => void setMarketing.run({ id, value, at, now }),
    /** A merged-away contact's messages count for the one that stays. */
    addMessages: (id: number, n: number, at: string | null) => void bumpCount.run({ id, n, at }),
    remove: (id: number) => void remove.run(id),
    select: (sql: string, params: unknown[]) => db.prepare(sql).all(...params) as ContactRow[],
    count: (sql: string, params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n,
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
  };
}
export type ContactsRepo = ReturnType<typeof contactsRepo>;
