import type { Db } from '../../db/index.js';
import type { OutboxDelivery, OutboxStatus } from '../../contracts/index.js';

export interface OutboxRow {
  seq: number;
  id: string;
  recipient: string;
  contact_id: number | null;
  correlation_id: string | null;
  kind: string;
  payload: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string | null;
  confirm_by: string | null;
  wamid: string | null;
  delivery: OutboxDelivery | null;
  error_code: number | null;
  error: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

export type NewOutboxRow = Pick<OutboxRow, 'id' | 'recipient' | 'contact_id' | 'correlation_id' | 'kind' | 'payload' | 'created_at'>;

const OPEN = "('queued', 'sending', 'unconfirmed')";

/** The outbox's SQL and nothing else: every state change is one conditional UPDATE. */
export function outboxRepo(db: Db) {
  const s = {
    insert: db.prepare(
      `insert into wa_outbox (id, recipient, contact_id, correlation_id, kind, payload, status, created_at, updated_at)
       values (@id, @recipient, @contact_id, @correlation_id, @kind, @payload, 'queued', @created_at, @created_at)`,
    ),
    get: db.prepare('select * from wa_outbox where id = ?'),
    byWamid: db.prepare('select * from wa_outbox where wamid = ?'),
    heads: db.prepare(
      `select o.* from wa_outbox o
       join (select recipient, min(seq) as seq from wa_outbox where status in ${OPEN} group by recipient) h on h.seq = o.seq
       order by o.seq limit ?`,
    ),
    markSending: db.prepare("update wa_outbox set status = 'sending', attempts = attempts + 1, next_attempt_at = null, updated_at = ? where id = ? and status = 'queued'"),
    markSent: db.prepare(
      `update wa_outbox set status = 'sent', wamid = coalesce(wamid, @wamid), sent_at = coalesce(sent_at, @now), confirm_by = null, error_code = null, error = null, updated_at = @now
       where id = @id and status in ${OPEN}`,
    ),
    setWamid: db.prepare('update wa_outbox set wamid = ?, updated_at = ? where id = ? and wamid is null'),
    requeue: db.prepare(
      `update wa_outbox set status = 'queued', next_attempt_at = @next, confirm_by = null, error_code = @code, error = @error, updated_at = @now
       where id = @id and status in ('sending', 'unconfirmed')`,
    ),
    unconfirmed: db.prepare(
      `update wa_outbox set status = 'unconfirmed', confirm_by = @confirmBy, error_code = @code, error = @error, updated_at = @now
       where id = @id and status = 'sending'`,
    ),
    finish: db.prepare(
      `update wa_outbox set status = @status, error_code = @code, error = @error, next_attempt_at = null, confirm_by = null, updated_at = @now
       where id = @id and status in ${OPEN}`,
    ),
    failFromStatus: db.prepare(
      `update wa_outbox set status = @status, delivery = 'failed', wamid = coalesce(wamid, @wamid), error_code = @code, error = @error, next_attempt_at = null, confirm_by = null, updated_at = @now
       where id = @id and status not in ('cancelled')`,
    ),
    delivery: db.prepare('update wa_outbox set delivery = @delivery, updated_at = @now where id = @id'),
    recoverSending: db.prepare("update wa_outbox set status = 'unconfirmed', confirm_by = ?, updated_at = ? where status = 'sending'"),
    reopen: db.prepare(
      `update wa_outbox set status = 'queued', attempts = 0, next_attempt_at = null, confirm_by = null, error_code = null, error = null, updated_at = @now
       where id = @id and status in ('failed', 'needs_template', 'cancelled')`,
    ),
    cancel: db.prepare("update wa_outbox set status = 'cancelled', next_attempt_at = null, confirm_by = null, updated_at = ? where id = ? and status in ('queued', 'unconfirmed')"),
    counts: db.prepare('select status, count(*) as n from wa_outbox group by status'),
  };

  return {
    insertAll(rows: NewOutboxRow[]): void {
      db.transaction(() => {
        for (const r of rows) s.insert.run(r);
      })();
    },
    get: (id: string) => s.get.get(id) as OutboxRow | undefined,
    byWamid: (wamid: string) => s.byWamid.get(wamid) as OutboxRow | undefined,
    /** The oldest open message of each recipient: only it may be sent (order per shopper). */
    heads: (limit: number) => s.heads.all(limit) as OutboxRow[],
    markSending: (id: string, now: string) => s.markSending.run(now, id).changes === 1,
    markSent: (id: string, wamid: string, now: string) => s.markSent.run({ id, wamid, now }).changes === 1,
    setWamid: (id: string, wamid: string, now: string) => s.setWamid.run(wamid, now, id).changes === 1,
    requeue: (id: string, next: string | null, code: number | null, error: string | null, now: string) => s.requeue.run({ id, next, code, error, now }).changes === 1,
    markUnconfirmed: (id: string, confirmBy: string, code: number | null, error: string | null, now: string) => s.unconfirmed.run({ id, confirmBy, code, error, now }).changes === 1,
    finish: (id: string, status: 'failed' | 'needs_template', code: number | null, error: string | null, now: string) => s.finish.run({ id, status, code, error, now }).changes === 1,
    failFromStatus: (id: string, status: 'failed' | 'needs_template', wamid: string, code: number | null, error: string | null, now: string) =>
      s.failFromStatus.run({ id, status, wamid, code, error, now }).changes === 1,
    setDelivery: (id: string, delivery: OutboxDelivery, now: string) => s.delivery.run({ id, delivery, now }).changes === 1,
    /** At start-up: a row left in `sending` may or may not have reached Meta. */
    recoverSending: (confirmBy: string, now: string) => s.recoverSending.run(confirmBy, now).changes,
    reopen: (id: string, now: string) => s.reopen.run({ id, now }).changes === 1,
    cancel: (id: string, now: string) => s.cancel.run(now, id).changes === 1,
    unconfirmedIds: () => (db.prepare("select id from wa_outbox where status = 'unconfirmed'").all() as { id: string }[]).map((r) => r.id),
    list(q: { status?: OutboxStatus; recipient?: string; correlationId?: string; beforeSeq?: number; limit: number }): OutboxRow[] {
      const where: string[] = [];
      const args: Record<string, unknown> = { limit: q.limit };
      const add = (clause: string, key: string, value: unknown) => {
        if (value === undefined) return;
        where.push(clause);
        args[key] = value;
      };
      add('status = @status', 'status', q.status);
      add('recipient = @recipient', 'recipient', q.recipient);
      add('correlation_id = @correlationId', 'correlationId', q.correlationId);
      add('seq < @beforeSeq', 'beforeSeq', q.beforeSeq);
      const sql = `select * from wa_outbox ${where.length ? `where ${where.join(' and ')}` : ''} order by seq desc limit @limit`;
      return db.prepare(sql).all(args) as OutboxRow[];
    },
    counts(): Partial<Record<OutboxStatus, number>> {
      const out: Partial<Record<OutboxStatus, number>> = {};
      for (const r of s.counts.all() as { status: OutboxStatus; n: number }[]) out[r.status] = r.n;
      return out;
    },
  };
}
export type OutboxRepo = ReturnType<typeof outboxRepo>;
