import { BroadcastInputSchema, type Broadcast } from '../contracts/index.js';
import type { Db } from '../db/index.js';
import { DomainError, fieldErrors } from '../shared/errors.js';
import { templateMessage, type TemplateButtonInput } from '../whatsapp/index.js';
import type { Segments } from './segments.service.js';

/** What broadcasts need of the WhatsApp outbox (wired in domains.ts). */
export interface BroadcastOutbox {
  enqueueAll(inputs: { payload: never; contactId?: number | null; correlationId?: string | null }[]): { id: string }[];
  get(id: string): { status: string; delivery: string | null };
}

interface BroadcastRow {
  id: number;
  segment_id: number;
  segment_name: string;
  template: string;
  total: number;
  skipped_opt_out: number;
  skipped_no_phone: number;
  created_at: string;
}

/** An outbox row's status; null when the outbox has lost it (or there is no outbox). */
function statusOf(box: BroadcastOutbox | null, id: string): { status: string; delivery: string | null } | null {
  try {
    return box ? box.get(id) : null;
  } catch {
    return null;
  }
}

/**
 * A segment receives an approved template through the outbox (which sends at the allowed rate):
 * opted-out contacts and contacts with no WhatsApp address are skipped and counted. The report
 * reads each recipient's outbox status.
 */
/**
 * The buttons of an approved template in their approved order (the template manager knows them),
 * or null when the template is not known here: then a coupon code goes on the first button.
 */
export type TemplateButtons = (name: string, language: string) => TemplateButtonInput['type'][] | null;

function buttonsFor(layout: TemplateButtonInput['type'][] | null, couponCode: string | undefined): TemplateButtonInput[] {
  if (!couponCode) return [];
  if (!layout) return [{ type: 'copy_code', code: couponCode }];
  if (!layout.includes('copy_code')) throw new DomainError('validation', 'This template has no copy-code button for the coupon', { couponCode: 'The template has no copy-code button' });
  // Buttons without a parameter keep their place; only the copy-code button carries the code.
  return layout.map((t) => (t === 'copy_code' ? { type: 'copy_code', code: couponCode } : { type: 'fixed' }));
}

export function createBroadcasts(db: Db, segments: Segments, outbox: () => BroadcastOutbox | null, clock: () => Date = () => new Date(), templateButtons: TemplateButtons = () => null) {
  const recipients = db.prepare<[number], { outbox_id: string }>('select outbox_id from broadcast_recipients where broadcast_id = ?');

  function report(r: BroadcastRow): Broadcast {
    const ids = recipients.all(r.id).map((x) => x.outbox_id);
    const box = outbox();
    const c = { sent: 0, delivered: 0, read: 0, failed: 0 };
    for (const id of ids) {
      const s = statusOf(box, id);
      if (!s) continue;
      if (s.status === 'failed' || s.status === 'needs_template' || s.delivery === 'failed') c.failed += 1;
      else if (s.status === 'sent') {
        c.sent += 1;
        if (s.delivery === 'delivered' || s.delivery === 'read') c.delivered += 1;
        if (s.delivery === 'read') c.read += 1;
      }
    }
    return { id: r.id, segmentId: r.segment_id, segmentName: r.segment_name, template: r.template, createdAt: r.created_at, total: r.total, skippedOptOut: r.skipped_opt_out, skippedNoPhone: r.skipped_no_phone, queued: ids.length, ...c };
  }

  return {
    send(segmentId: number, body: unknown): Broadcast {
      const parsed = BroadcastInputSchema.safeParse(body);
      if (!parsed.success) throw new DomainError('validation', 'The broadcast is not valid', fieldErrors(parsed.error.issues));
      const box = outbox();
      if (!box) throw new DomainError('not_configured', 'WhatsApp is not set up, so nothing can be sent');
      const segment = segments.get(segmentId);
      const where = segments.whereOf(segmentId);
      const rows = db.prepare(`select c.id, c.name, c.phone, c.wa_id, c.user_id, c.opt_in from contacts c where c.is_test = 0 and ${where.sql} order by c.id`).all(...where.params) as { id: number; name: string | null; phone: string | null; wa_id: string | null; user_id: string | null; opt_in: string }[];
      const { template, language, variables, couponCode } = parsed.data;
      const buttons = buttonsFor(templateButtons(template, language), couponCode);
      const at = clock().toISOString();
      let optOut = 0;
      let noPhone = 0;
      const send: { contactId: number; to: string; name: string | null }[] = [];
      for (const r of rows) {
        const to = r.phone ?? r.wa_id ?? r.user_id;
        if (r.opt_in === 'opted_out') optOut += 1;
        else if (!to) noPhone += 1;
        else send.push({ contactId: r.id, to, name: r.name });
      }
      return db.transaction(() => {
        const id = Number(db.prepare('insert into broadcasts (segment_id, segment_name, template, language, total, skipped_opt_out, skipped_no_phone, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)').run(segmentId, segment.name, template, language, rows.length, optOut, noPhone, at).lastInsertRowid);
        const items = box.enqueueAll(send.map((s) => ({
          contactId: s.contactId, correlationId: `broadcast:${id}`,
          payload: templateMessage(s.to, { name: template, language, body: variables.map((v) => v.replace(/\{\{\s*name\s*\}\}/g, s.name?.split(' ')[0] || 'there')), buttons }) as never,
        })));
        const insert = db.prepare('insert into broadcast_recipients (broadcast_id, contact_id, outbox_id) values (?, ?, ?)');
        items.forEach((item, i) => insert.run(id, send[i]?.contactId, item.id));
        return report(db.prepare('select * from broadcasts where id = ?').get(id) as BroadcastRow);
      })();
    },
    list(): { broadcasts: Broadcast[] } {
      return { broadcasts: (db.prepare('select * from broadcasts order by id desc limit 100').all() as BroadcastRow[]).map(report) };
    },
  };
}
export type Broadcasts = ReturnType<typeof createBroadcasts>;
