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
  created_at: string;
  updated_at: string;
}

export type ContactFields = Pick<ContactRow, 'wa_id' | 'user_id' | 'parent_user_id' | 'username' | 'phone' | 'name'>;

/** SQL for contacts, nothing else. */
export function contactsRepo(db: Db) {
  const byId = db.prepare<[number], ContactRow>('select * from contacts where id = ?');
  const byUserId = db.prepare<[string], ContactRow>('select * from contacts where user_id = ?');
  const byWaId = db.prepare<[string], ContactRow>('select * from contacts where wa_id = ?');
  const byPhone = db.prepare<[string], ContactRow>('select * from contacts where phone = ?');
  const insert = db.prepare<ContactFields & { now: string }>(
    `insert into contacts (wa_id, user_id, parent_user_id, username, phone, name, created_at, updated_at)
     values (@wa_id, @user_id, @parent_user_id, @username, @phone, @name, @now, @now)`,
  );
  const update = db.prepare<ContactFields & { id: number; now: string }>(
    `update contacts set wa_id = @wa_id, user_id = @user_id, parent_user_id = @parent_user_id, username = @username,
       phone = @phone, name = @name, updated_at = @now where id = @id`,
  );
  // Retried deliveries arrive late: the window only ever moves forward.
  const touchInbound = db.prepare<{ id: number; at: string; now: string }>(
    `update contacts set last_inbound_at = @at, updated_at = @now
     where id = @id and (last_inbound_at is null or last_inbound_at < @at)`,
  );
  const setMarketing = db.prepare<{ id: number; value: string; at: string; now: string }>(
    `update contacts set marketing_preference = @value, marketing_preference_at = @at, updated_at = @now
     where id = @id and (marketing_preference_at is null or marketing_preference_at <= @at)`,
  );
  const page = db.prepare<[number, number], ContactRow>(
    'select * from contacts order by coalesce(last_inbound_at, created_at) desc, id desc limit ? offset ?',
  );
  const count = db.prepare<[], { n: number }>('select count(*) as n from contacts');

  return {
    get: (id: number) => byId.get(id),
    byUserId: (userId: string) => byUserId.get(userId),
    byWaId: (waId: string) => byWaId.get(waId),
    byPhone: (phone: string) => byPhone.get(phone),
    insert: (fields: ContactFields, now: string) => Number(insert.run({ ...fields, now }).lastInsertRowid),
    update: (id: number, fields: ContactFields, now: string) => void update.run({ ...fields, id, now }),
    touchInbound: (id: number, at: string, now: string) => void touchInbound.run({ id, at, now }),
    setMarketing: (id: number, value: string, at: string, now: string) => void setMarketing.run({ id, value, at, now }),
    page: (limit: number, offset: number) => page.all(limit, offset),
    count: () => count.get()?.n ?? 0,
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
  };
}
export type ContactsRepo = ReturnType<typeof contactsRepo>;
