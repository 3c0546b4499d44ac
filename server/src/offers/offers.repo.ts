import type { ApprovalStatus } from '../contracts/index.js';
import type { Db } from '../db/index.js';

export interface CouponRow {
  id: number;
  code: string;
  contact_id: number;
  contact_name: string | null;
  contact_phone: string | null;
  agent_id: number | null;
  sku: string | null;
  percent: number;
  amount: number | null;
  applies_to: 'making' | 'price' | 'any';
  source: 'agent' | 'owner';
  status: 'active' | 'used' | 'replaced';
  expires_at: string;
  used_at: string | null;
  created_at: string;
}
export type CouponFields = Omit<CouponRow, 'id' | 'contact_name' | 'contact_phone' | 'status' | 'used_at'>;

export interface ApprovalRow {
  id: number;
  contact_id: number;
  contact_name: string | null;
  contact_phone: string | null;
  agent_id: number | null;
  recipient: string;
  sku: string | null;
  price: number | null;
  asked_percent: number | null;
  asked_text: string;
  cap_percent: number;
  status: ApprovalStatus;
  decided_percent: number | null;
  decided_at: string | null;
  coupon_id: number | null;
  code: string | null;
  settings: string;
  created_at: string;
}
export type ApprovalFields = Pick<ApprovalRow, 'contact_id' | 'agent_id' | 'recipient' | 'sku' | 'price' | 'asked_percent' | 'asked_text' | 'cap_percent' | 'settings' | 'created_at'>;

export interface CouponFilter {
  /** Stored statuses; 'expired' is active past its date. */
  status?: 'active' | 'used' | 'replaced' | 'expired' | undefined;
  contact?: number | undefined;
  q?: string | undefined;
  now: string;
}

const CONTACT = `c.name as contact_name, coalesce(c.phone, case when c.wa_id glob '[0-9]*' then '+' || c.wa_id end) as contact_phone`;
const COUPON = `select k.*, ${CONTACT} from coupons k left join contacts c on c.id = k.contact_id`;
const APPROVAL = `select a.*, ${CONTACT}, k.code as code from offer_approvals a left join contacts c on c.id = a.contact_id left join coupons k on k.id = a.coupon_id`;

/** SQL for coupons, negotiations and approvals, nothing else. */
export function offersRepo(db: Db) {
  const couponById = db.prepare<[number], CouponRow>(`${COUPON} where k.id = ?`);
  const couponByCode = db.prepare<[string], CouponRow>(`${COUPON} where k.code = ?`);
  const codeTaken = db.prepare<[string], { id: number }>('select id from coupons where code = ?');
  const insertCoupon = db.prepare<CouponFields>(
    `insert into coupons (code, contact_id, agent_id, sku, percent, amount, applies_to, source, expires_at, created_at)
     values (@code, @contact_id, @agent_id, @sku, @percent, @amount, @applies_to, @source, @expires_at, @created_at)`,
  );
  // one live code per shopper and piece: a new offer replaces the earlier unused ones
  const replace = db.prepare<[number, string | null]>(`update coupons set status = 'replaced' where contact_id = ? and coalesce(sku, '') = coalesce(?, '') and status = 'active'`);
  const use = db.prepare<[string, number, string]>(`update coupons set status = 'used', used_at = ? where id = ? and status = 'active' and expires_at > ?`);
  const negotiation = db.prepare<[number, string], { last_percent: number; asks: number }>('select last_percent, asks from offer_negotiations where contact_id = ? and sku = ?');
  const saveNegotiation = db.prepare<[number, string, number, string]>(
    `insert into offer_negotiations (contact_id, sku, last_percent, asks, updated_at) values (?, ?, ?, 1, ?)
     on conflict (contact_id, sku) do update set last_percent = max(last_percent, excluded.last_percent), asks = asks + 1, updated_at = excluded.updated_at`,
  );
  const insertApproval = db.prepare<ApprovalFields>(
    `insert into offer_approvals (contact_id, agent_id, recipient, sku, price, asked_percent, asked_text, cap_percent, settings, created_at)
     values (@contact_id, @agent_id, @recipient, @sku, @price, @asked_percent, @asked_text, @cap_percent, @settings, @created_at)`,
  );
  const approvalById = db.prepare<[number], ApprovalRow>(`${APPROVAL} where a.id = ?`);
  const pendingFor = db.prepare<[number], ApprovalRow>(`${APPROVAL} where a.contact_id = ? and a.status = 'pending' order by a.id desc limit 1`);
  const decideApproval = db.prepare<[string, number | null, string, number | null, number]>(
    `update offer_approvals set status = ?, decided_percent = ?, decided_at = ?, coupon_id = ? where id = ? and status = 'pending'`,
  );

  return {
    coupon: (id: number) => couponById.get(id),
    couponByCode: (code: string) => couponByCode.get(code),
    codeTaken: (code: string) => codeTaken.get(code) !== undefined,
    /** Inserts a coupon after replacing the shopper's earlier active one on the same piece. */
    addCoupon(f: CouponFields): number {
      replace.run(f.contact_id, f.sku);
      return Number(insertCoupon.run(f).lastInsertRowid);
    },
    /** Marks an active, unexpired coupon used; false when it was not (already used, replaced, expired). */
    useCoupon: (id: number, now: string) => use.run(now, id, now).changes === 1,
    listCoupons(f: CouponFilter): CouponRow[] {
      const where: string[] = [];
      const args: (string | number)[] = [];
      const add = (sql: string, ...values: (string | number)[]) => {
        where.push(sql);
        args.push(...values);
      };
      if (f.status === 'expired') add(`k.status = 'active' and k.expires_at <= ?`, f.now);
      else if (f.status === 'active') add(`k.status = 'active' and k.expires_at > ?`, f.now);
      else if (f.status) add('k.status = ?', f.status);
      if (f.contact !== undefined) add('k.contact_id = ?', f.contact);
      if (f.q) {
        const like = `%${f.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
        add(`(k.code like ? escape '\\' or k.sku like ? escape '\\' or c.name like ? escape '\\' or c.phone like ? escape '\\')`, like, like, like, like);
      }
      return db.prepare<(string | number)[], CouponRow>(`${COUPON}${where.length ? ` where ${where.join(' and ')}` : ''} order by k.id desc limit 500`).all(...args);
    },
    negotiation: (contactId: number, sku: string | null) => negotiation.get(contactId, sku ?? ''),
    saveNegotiation: (contactId: number, sku: string | null, percent: number, now: string) => void saveNegotiation.run(contactId, sku ?? '', percent, now),
    addApproval: (f: ApprovalFields) => Number(insertApproval.run(f).lastInsertRowid),
    approval: (id: number) => approvalById.get(id),
    pendingFor: (contactId: number) => pendingFor.get(contactId),
    listApprovals(status?: ApprovalStatus): ApprovalRow[] {
      return status
        ? db.prepare<[string], ApprovalRow>(`${APPROVAL} where a.status = ? order by a.id desc limit 500`).all(status)
        : db.prepare<[], ApprovalRow>(`${APPROVAL} order by a.id desc limit 500`).all();
    },
    /** Decides a pending approval; false when someone decided it first. */
    decide: (id: number, status: 'approved' | 'declined', percent: number | null, at: string, couponId: number | null) => decideApproval.run(status, percent, at, couponId, id).changes === 1,
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
  };
}
export type OffersRepo = ReturnType<typeof offersRepo>;
