import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { OutboxSettingsSchema, type OutboxItem, type OutboxList, type OutboxQuery, type OutboxSettings, type OutboxDelivery } from '../../contracts/index.js';
import type { Db } from '../../db/index.js';
import type { Bus } from '../../ops/index.js';
import { DomainError } from '../../shared/errors.js';
import type { GraphClient } from '../client/index.js';
import { address, type GraphMessage } from '../messages/index.js';
import { outboxRepo, type OutboxRow } from './outbox.repo.js';
import { createOutboxWorker } from './outbox.worker.js';
import { systemClock, type Clock } from './rate.js';

export interface EnqueueInput {
  /** Phone number (E.164, with or without +) or business-scoped user id; must match the payload's. */
  to?: string;
  contactId?: number | null;
  /** A builder's output (see ../messages): the exact body to POST, without biz_opaque_callback_data. */
  payload: GraphMessage;
  /** Ties the message to what caused it (an inbound wamid, a campaign…). */
  correlationId?: string | null;
}

/** A status webhook of one of our messages, as the inbox publishes it. */
export interface StatusUpdate {
  wamid: string;
  status: string;
  callbackData: string | null;
  errorCode: number | null;
}

export interface OutboxOptions {
  db: Db;
  bus: Bus;
  log: Logger;
  client: Pick<GraphClient, 'sendMessage' | 'isConfigured'>;
  settings: () => Partial<OutboxSettings>;
  clock?: Clock;
  random?: () => number;
  statusByCallbackData?: (id: string) => { wamid: string; status: string } | null;
  afterMarkSending?: (row: OutboxRow) => Promise<void> | void;
}

const RANK: Record<OutboxDelivery, number> = { sent: 1, delivered: 2, read: 3, failed: 4 };
const RE_ENGAGEMENT = 131047;

function kindOf(p: GraphMessage): string {
  const sub = p.type === 'interactive' ? (p.interactive as { type?: string } | undefined)?.type : undefined;
  return sub ? `interactive.${sub}` : p.type;
}

function previewOf(p: GraphMessage): string {
  const any = p as Record<string, unknown> & { text?: { body?: string }; interactive?: { body?: { text?: string } }; template?: { name?: string } };
  const line = any.text?.body ?? any.interactive?.body?.text ?? (any.template?.name ? `template ${any.template.name}` : undefined);
  const media = (any[p.type] as { caption?: string } | undefined)?.caption;
  return (line ?? media ?? `(${kindOf(p)})`).replace(/\s+/g, ' ').slice(0, 140);
}

export function toItem(r: OutboxRow): OutboxItem {
  const payload = JSON.parse(r.payload) as GraphMessage;
  return {
    id: r.id,
    to: r.recipient,
    contactId: r.contact_id,
    correlationId: r.correlation_id,
    kind: r.kind,
    preview: previewOf(payload),
    status: r.status,
    delivery: r.delivery,
    wamid: r.wamid,
    attempts: r.attempts,
    errorCode: r.error_code,
    error: r.error,
    nextAttemptAt: r.next_attempt_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    sentAt: r.sent_at,
  };
}

/**
 * The durable outbox: `enqueue` commits before anything is sent; the worker sends at the allowed
 * rate and records the outcome; status webhooks (via `recordStatus`) bring delivery, read and
 * late failures, and confirm sends a crash interrupted.
 */
export function createOutbox(opts: OutboxOptions) {
  const repo = outboxRepo(opts.db);
  const clock = opts.clock ?? systemClock;
  const settings = (): OutboxSettings => OutboxSettingsSchema.parse(opts.settings());
  const now = () => new Date(clock.now()).toISOString();

  function publish(id: string): void {
    const r = repo.get(id);
    if (!r) return;
    opts.bus.publish({
      type: 'whatsapp.outbox', time: now(), id: r.id, to: r.recipient, contactId: r.contact_id, correlationId: r.correlation_id,
      status: r.status, delivery: r.delivery, wamid: r.wamid, errorCode: r.error_code, error: r.error,
    });
  }

  const worker = createOutboxWorker({
    repo, client: opts.client, clock, log: opts.log, settings, changed: publish, random: opts.random,
    statusByCallbackData: opts.statusByCallbackData, afterMarkSending: opts.afterMarkSending,
  });

  function prepare(input: EnqueueInput) {
    const p = input.payload;
    if (!p || p.messaging_product !== 'whatsapp' || typeof p.type !== 'string') throw new DomainError('validation', 'Only message bodies made by the WhatsApp message builders can be queued');
    const recipient = p.to ?? p.recipient;
    if (!recipient) throw new DomainError('validation', 'The message has no recipient');
    if (input.to !== undefined) {
      const a = address(input.to);
      if (('to' in a ? a.to : a.recipient) !== recipient) throw new DomainError('validation', `The message is addressed to ${recipient}, not ${input.to}`);
    }
    if (p.biz_opaque_callback_data !== undefined) throw new DomainError('validation', 'biz_opaque_callback_data is set by the outbox (it carries the message’s own id)');
    const id = randomUUID();
    return { id, recipient, contact_id: input.contactId ?? null, correlation_id: input.correlationId ?? null, kind: kindOf(p), payload: JSON.stringify(p), created_at: now() };
  }

  function get(id: string): OutboxItem {
    const r = repo.get(id);
    if (!r) throw new DomainError('not_found', `There is no outbound message ${id}`);
    return toItem(r);
  }

  return {
    /** Commits one message (status `queued`) and wakes the worker. Returns it with its id. */
    enqueue(input: EnqueueInput): OutboxItem {
      return this.enqueueAll([input])[0] as OutboxItem;
    },

    /** A reply's messages, committed together in one transaction, sent in this order. */
    enqueueAll(inputs: EnqueueInput[]): OutboxItem[] {
      const rows = inputs.map(prepare);
      repo.insertAll(rows);
      for (const r of rows) publish(r.id);
      worker.wake();
      return rows.map((r) => get(r.id));
    },

    get,

    list(q: Partial<OutboxQuery> = {}): OutboxList {
      const before = q.before ? repo.get(q.before)?.seq : undefined;
      const recipient = q.to ? ((a) => ('to' in a ? a.to : a.recipient))(address(q.to)) : undefined;
      const items = repo.list({ status: q.status, recipient, correlationId: q.correlationId, beforeSeq: before, limit: q.limit ?? 100 }).map(toItem);
      const counts = repo.counts();
      return { items, counts: Object.fromEntries(Object.entries(counts)) as OutboxList['counts'] };
    },

    /**
     * A status webhook arrived. Matched by our id (biz_opaque_callback_data) first, so a send whose
     * answer a crash lost is recognised; else by wamid. Returns whether it was one of ours.
     */
    recordStatus(u: StatusUpdate): boolean {
      const row = (u.callbackData ? repo.get(u.callbackData) : undefined) ?? repo.byWamid(u.wamid);
      if (!row || (row.wamid && row.wamid !== u.wamid)) return false;
      const t = now();
      if (u.status === 'failed') {
        const needsTemplate = u.errorCode === RE_ENGAGEMENT;
        const error = needsTemplate ? 'More than 24 hours since the customer last wrote; send an approved template instead' : `WhatsApp could not deliver the message (error ${u.errorCode ?? 'unknown'})`;
        repo.failFromStatus(row.id, needsTemplate ? 'needs_template' : 'failed', u.wamid, u.errorCode, error, t);
      } else {
        const delivery = u.status === 'played' ? 'read' : (u.status as OutboxDelivery);
        if (!(delivery in RANK)) return true;
        if (['sending', 'unconfirmed', 'queued'].includes(row.status) && (row.attempts > 0 || row.status !== 'queued')) repo.markSent(row.id, u.wamid, t);
        else if (!row.wamid) repo.setWamid(row.id, u.wamid, t);
        const current = repo.get(row.id);
        if (current && (!current.delivery || (current.delivery !== 'failed' && RANK[delivery] > RANK[current.delivery]))) repo.setDelivery(row.id, delivery, t);
      }
      publish(row.id);
      return true;
    },

    /** Sends a failed or needs-template message again (e.g. after the shopper wrote back). */
    retry(id: string): OutboxItem {
      if (!repo.reopen(id, now())) {
        const r = get(id);
        throw new DomainError('conflict', `The message is ${r.status.replace('_', ' ')}; only failed, cancelled or needs-template messages can be sent again`);
      }
      publish(id);
      worker.wake();
      return get(id);
    },

    cancel(id: string): OutboxItem {
      if (!repo.cancel(id, now())) {
        const r = get(id);
        throw new DomainError('conflict', `The message is ${r.status.replace('_', ' ')}; only queued messages can be cancelled`);
      }
      publish(id);
      return get(id);
    },

    worker,
    settings,
    start(): void {
      worker.recover();
      worker.start();
    },
    stop: () => worker.stop(),
  };
}
export type Outbox = ReturnType<typeof createOutbox>;
