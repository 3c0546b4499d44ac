import type { Logger } from 'pino';
import type { Contact, DeliveryState, InboundMessage, InboxItem, InboxMessage, InboxState, MessageStatus } from '../../contracts/index.js';
import type { CrmService } from '../../crm/index.js';
import type { Db } from '../../db/index.js';
import type { Bus } from '../../ops/index.js';
import { DomainError } from '../../shared/errors.js';
import { nowIso } from '../../shared/time.js';
import { parseWebhook, readWebhookBody } from '../webhook/index.js';
import { inboxRepo, type InboxRow } from './inbox.repo.js';
import { Batcher } from './batcher.js';
import { GroupCommit } from './group-commit.js';
import { InboxProcessor } from './processor.js';
import { receiveBatch } from './receive.js';
import { summarizeStatuses } from './statuses.js';
import { inboxRow, preferenceRow, statusRow } from './store.js';

/** Where the conversation engine plugs in. Called once per new message, in order per shopper. */
export type InboundHandler = (message: InboundMessage, ctx: { contact: Contact; attempt: number }) => Promise<void>;

export interface InboxOptions {
  /** Waits between handler attempts; one more attempt than delays, then the message is marked failed. */
  retryDelaysMs?: number[];
  handlerTimeoutMs?: number;
  maxLanes?: number;
}

export interface IngestResult {
  messages: number;
  newMessages: number;
  statuses: number;
  preferences: number;
}

function describe(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, 1000) || 'handler failed';
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the handler did not finish within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

function item(r: InboxRow): InboxItem {
  return { wamid: r.wamid, contactId: r.contact_id, type: r.type, text: r.text, sentAt: r.sent_at, receivedAt: r.received_at, state: r.state, attempts: r.attempts, lastError: r.last_error };
}

/**
 * The durable inbox. `ingest` stores a verified webhook body and what it carries in one
 * transaction (a message id already stored is a duplicate and goes no further); after that, per
 * shopper and in order, each new message updates its contact and 24-hour window, is announced on
 * the bus and is handed to the inbound handler, with retries. Unfinished work resumes at start().
 */
export function createInboxService(deps: { db: Db; bus: Bus; log: Logger; crm: CrmService }, opts: InboxOptions = {}) {
  const { bus, log, crm } = deps;
  const repo = inboxRepo(deps.db);
  const delays = opts.retryDelaysMs ?? [2_000, 15_000, 60_000];
  const timeoutMs = opts.handlerTimeoutMs ?? 120_000;
  let handler: InboundHandler | null = null;
  const processor = new InboxProcessor(step, (err, id) => log.error({ err, inboxId: id }, 'inbound message processing failed'), opts.maxLanes);
  // Stage 1, batched: contact, window, pending. Stage 2, per shopper in order: the handler.
  const receiver = new Batcher(
    (ids) => {
      if (!processor.running) return;
      const pending = receiveBatch({ repo, crm, bus, log }, ids);
      if (handler) processor.enqueue(pending.map((r) => ({ id: r.id, senderKey: r.senderKey })));
    },
    (err) => log.error({ err }, 'receiving inbound messages failed'),
  );

  const commits = new GroupCommit(repo.storeMany, repo.store);

  async function step(id: number): Promise<void> {
    const row = repo.get(id);
    if (row?.state !== 'pending' || row.contact_id === null) return;
    await deliver(row, JSON.parse(row.message) as InboundMessage, row.contact_id);
  }

  async function deliver(row: InboxRow, message: InboundMessage, contactId: number): Promise<void> {
    for (let attempt = row.attempts + 1; handler; attempt += 1) {
      try {
        await withTimeout(handler(message, { contact: crm.get(contactId), attempt }), timeoutMs);
        repo.markHandled(row.id, attempt, nowIso());
        return;
      } catch (err) {
        const error = describe(err);
        if (attempt >= delays.length + 1) {
          repo.markFailed(row.id, attempt, error, nowIso());
          log.error({ wamid: row.wamid, attempts: attempt, error }, 'gave up on an inbound message: the handler kept failing');
          bus.publish({ type: 'whatsapp.inbound.failed', time: nowIso(), wamid: row.wamid, contactId, attempts: attempt, error });
          return;
        }
        repo.markAttempt(row.id, attempt, error, nowIso());
        log.warn({ wamid: row.wamid, attempt, error }, 'inbound message handler failed; retrying');
        if (!(await processor.sleep(delays[attempt - 1] ?? 0))) return;
      }
    }
  }

  function applyPreferences(): void {
    for (const p of repo.unappliedPreferences()) {
      try {
        if (p.category === 'marketing_messages' && (p.waId || p.userId)) crm.setMarketingPreference({ waId: p.waId, userId: p.userId }, p.value, p.at);
        repo.preferenceApplied(p.id, nowIso());
      } catch (err) {
        log.error({ err, preference: p.id }, 'could not apply a marketing preference');
      }
    }
  }

  return {
    /**
     * Stores a verified webhook body durably and resolves with what was in it, once committed
     * (group commit). Throws WebhookBodyError at once when the body is unreadable.
     */
    async ingest(raw: Buffer): Promise<IngestResult> {
      const envelope = readWebhookBody(raw);
      const receivedAt = nowIso();
      const parsed = parseWebhook(envelope.entry, receivedAt);
      const stored = await commits.submit({ body: raw, receivedAt, messages: parsed.messages.map(inboxRow), statuses: parsed.statuses.map(statusRow), preferences: parsed.preferences.map(preferenceRow) });
      if (processor.running) receiver.push(stored.fresh.map((f) => f.id));
      for (const i of stored.freshStatuses) {
        const st = parsed.statuses[i];
        if (st) bus.publish({ type: 'whatsapp.status', time: nowIso(), wamid: st.wamid, status: st.status, recipientId: st.recipientId, callbackData: st.callbackData, errorCode: st.errors[0]?.code ?? null });
      }
      if (stored.freshPreferences > 0 && processor.running) applyPreferences();
      return { messages: parsed.messages.length, newMessages: stored.fresh.length, statuses: parsed.statuses.length, preferences: parsed.preferences.length };
    },
    statusOf: (wamid: string): MessageStatus => summarizeStatuses(wamid, repo.statuses(wamid)),
    /**
     * The status of the message we sent with this `biz_opaque_callback_data` (our outbound id),
     * or null when no known status has arrived for it: how the outbox learns, after a crash
     * mid-send, that Meta did accept a message whose wamid it never saw.
     */
    statusByCallbackData(data: string): (MessageStatus & { status: DeliveryState }) | null {
      const wamid = repo.wamidByCallback(data);
      const st = wamid === undefined ? null : summarizeStatuses(wamid, repo.statuses(wamid));
      return st?.status ? { ...st, status: st.status } : null;
    },
    /** Plugs in (or, with null, unplugs) the handler; messages waiting for one are handed over now. */
    setInboundHandler(h: InboundHandler | null): void {
      handler = h;
      if (h) processor.enqueue(repo.pending().map((r) => ({ id: r.id, senderKey: r.sender_key })));
    },
    list: ({ state, limit = 50 }: { state?: InboxState; limit?: number } = {}): InboxItem[] => repo.recent(limit, state).map(item),
    get(wamid: string): InboxMessage {
      const row = repo.byWamid(wamid);
      if (!row) throw new DomainError('not_found', `No inbound message ${wamid}`);
      return { ...item(row), message: JSON.parse(row.message) as InboundMessage };
    },
    payloadStats: () => repo.payloadStats(),
    start(): void {
      processor.start();
      receiver.push(repo.received());
      if (handler) processor.enqueue(repo.pending().map((r) => ({ id: r.id, senderKey: r.sender_key })));
      applyPreferences();
    },
    async stop(): Promise<void> {
      receiver.clear();
      await processor.stop();
    },
    /** Resolves when every queued message has been processed (tests, benchmarks). */
    async idle(): Promise<void> {
      await receiver.idle();
      await processor.idle();
    },
  };
}
export type InboxService = ReturnType<typeof createInboxService>;
