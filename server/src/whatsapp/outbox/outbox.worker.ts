import type { Logger } from 'pino';
import type { OutboxSettings } from '../../contracts/index.js';
import { DomainError } from '../../shared/errors.js';
import { GraphApiError, type GraphClient } from '../client/index.js';
import type { GraphMessage } from '../messages/index.js';
import type { OutboxRepo, OutboxRow } from './outbox.repo.js';
import { backoffMs, TokenBucket, type Clock } from './rate.js';

export interface WorkerDeps {
  repo: OutboxRepo;
  client: Pick<GraphClient, 'sendMessage' | 'isConfigured'>;
  clock: Clock;
  log: Logger;
  settings: () => OutboxSettings;
  /** Called after every state change of a row (for the live stream). */
  changed: (id: string) => void;
  /** A status webhook already stored for our id (biz_opaque_callback_data), if the inbox has one. */
  statusByCallbackData?: (id: string) => { wamid: string; status: string } | null;
  random?: () => number;
  /** Test hook: runs after the row is committed as `sending`, before the HTTP call. */
  afterMarkSending?: (row: OutboxRow) => Promise<void> | void;
  maxInFlight?: number;
}

const iso = (ms: number) => new Date(ms).toISOString();
const ms = (s: string | null) => (s ? Date.parse(s) : 0);
/** When the token is rejected (190) nothing can go: look again this often, or when settings change. */
const ACCOUNT_HOLD_MS = 60_000;
const NOT_CONFIGURED_RETRY_MS = 5_000;

/**
 * Sends queued messages at the allowed rate. Per recipient only the oldest open message is
 * eligible (order is kept); a global token bucket caps the number's throughput and a per-shopper
 * bucket lets a reply's few messages go as one burst, then about one per interval. Every send is
 * committed as `sending` before its HTTP call and carries our id as biz_opaque_callback_data.
 */
export function createOutboxWorker(deps: WorkerDeps) {
  const { repo, client, clock, log } = deps;
  const random = deps.random ?? Math.random;
  const maxInFlight = deps.maxInFlight ?? 16;
  const inFlight = new Map<string, Promise<void>>();
  const recipients = new Map<string, { bucket: TokenBucket; blockedUntil: number; strikes: number }>();
  let global: TokenBucket | null = null;
  let globalBlockedUntil = 0;
  let globalStrikes = 0;
  let accountHeldUntil = 0;
  let running = false;
  let cancelTimer: (() => void) | null = null;
  let timerAt = Infinity;
  let wakeQueued = false;

  function globalBucket(now: number): TokenBucket {
    const rate = deps.settings().globalPerSecond;
    if (!global || global.capacity !== Math.max(1, rate)) global = new TokenBucket(Math.max(1, rate), rate / 1000, now);
    return global;
  }

  function recipient(to: string, now: number) {
    let r = recipients.get(to);
    if (!r) {
      const s = deps.settings();
      r = { bucket: new TokenBucket(s.recipientBurst, s.recipientIntervalMs > 0 ? 1 / s.recipientIntervalMs : Infinity, now), blockedUntil: 0, strikes: 0 };
      recipients.set(to, r);
    }
    return r;
  }

  /** Forget shoppers whose bucket is full again and who are not blocked: keeps the map small. */
  function prune(now: number): void {
    if (recipients.size < 1000) return;
    for (const [to, r] of recipients) if (!inFlight.has(to) && r.blockedUntil <= now && r.bucket.full(now)) recipients.delete(to);
  }

  function schedule(at: number): void {
    if (!running || !Number.isFinite(at)) return;
    if (cancelTimer && timerAt <= at) return;
    cancelTimer?.();
    timerAt = at;
    cancelTimer = clock.setTimeout(() => {
      cancelTimer = null;
      timerAt = Infinity;
      pass();
    }, at - clock.now());
  }

  function wake(): void {
    if (!running || wakeQueued) return;
    wakeQueued = true;
    setImmediate(() => {
      wakeQueued = false;
      pass();
    });
  }

  /** A status for our id already arrived (e.g. while we were down): the message was sent. */
  function confirmedByStatus(row: OutboxRow, now: number): boolean {
    const seen = deps.statusByCallbackData?.(row.id);
    if (!seen || !['sent', 'delivered', 'read'].includes(seen.status)) return false;
    if (repo.markSent(row.id, seen.wamid, iso(now))) deps.changed(row.id);
    return true;
  }

  /**
   * One scheduling round: starts every send allowed now and arranges the next round. Returns the
   * time of the next round (Infinity when nothing is waiting), for tests driving a fake clock.
   */
  function pass(): number {
    const now = clock.now();
    let next = Infinity;
    if (accountHeldUntil > now) return hold(accountHeldUntil);
    if (!client.isConfigured()) return hold(now + NOT_CONFIGURED_RETRY_MS);
    if (globalBlockedUntil > now) return hold(globalBlockedUntil);
    prune(now);
    const g = globalBucket(now);
    for (const row of repo.heads(500)) {
      if (inFlight.size >= maxInFlight) break;
      if (inFlight.has(row.recipient) || row.status === 'sending') continue;
      if (row.status === 'unconfirmed') {
        if (confirmedByStatus(row, now)) continue;
        if (ms(row.confirm_by) > now) {
          next = Math.min(next, ms(row.confirm_by));
          continue;
        }
        // No status carrying our id arrived in the grace period: Meta most likely never got it.
        if (repo.requeue(row.id, null, row.error_code, 'resending: no status from WhatsApp after an interrupted send', iso(now))) deps.changed(row.id);
      } else if (ms(row.next_attempt_at) > now) {
        next = Math.min(next, ms(row.next_attempt_at));
        continue;
      }
      const r = recipient(row.recipient, now);
      if (r.blockedUntil > now) {
        next = Math.min(next, r.blockedUntil);
        continue;
      }
      if (!r.bucket.available(now)) {
        next = Math.min(next, now + r.bucket.waitMs(now));
        continue;
      }
      if (!g.available(now)) {
        next = Math.min(next, now + g.waitMs(now));
        break;
      }
      r.bucket.take(now);
      g.take(now);
      send(row, now);
    }
    schedule(next);
    return next;
  }

  function hold(until: number): number {
    schedule(until);
    return until;
  }

  function send(row: OutboxRow, now: number): void {
    // Committed before the HTTP call: a crash from here on leaves `sending`, which start-up resolves.
    if (!repo.markSending(row.id, iso(now))) return;
    deps.changed(row.id);
    const job = (async () => {
      try {
        await deps.afterMarkSending?.(row);
        const body: GraphMessage = { ...(JSON.parse(row.payload) as GraphMessage), biz_opaque_callback_data: row.id };
        const res = await client.sendMessage(body);
        const t = clock.now();
        if (repo.markSent(row.id, res.wamid, iso(t))) globalStrikes = 0;
        else repo.setWamid(row.id, res.wamid, iso(t));
        const r = recipients.get(row.recipient);
        if (r) r.strikes = 0;
        deps.changed(row.id);
      } catch (err) {
        failed(row, err);
      }
    })().finally(() => {
      inFlight.delete(row.recipient);
      wake();
    });
    inFlight.set(row.recipient, job);
  }

  function failed(row: OutboxRow, err: unknown): void {
    const now = clock.now();
    const t = iso(now);
    const s = deps.settings();
    const attempts = row.attempts + 1;
    if (!(err instanceof GraphApiError)) {
      const text = err instanceof Error ? err.message : String(err);
      if (!(err instanceof DomainError)) log.error({ err, id: row.id }, 'outbox send failed unexpectedly');
      repo.requeue(row.id, iso(now + NOT_CONFIGURED_RETRY_MS), null, text, t);
      return deps.changed(row.id);
    }
    const error = err.describe();
    if (err.kind === 'ambiguous') {
      repo.markUnconfirmed(row.id, iso(now + s.confirmGraceMs), err.code, error, t);
    } else if (err.needsTemplate) {
      repo.finish(row.id, 'needs_template', err.code, error, t);
    } else if (err.kind === 'permanent' && err.scope === 'account') {
      accountHeldUntil = now + ACCOUNT_HOLD_MS;
      repo.requeue(row.id, iso(accountHeldUntil), err.code, error, t);
      log.warn({ code: err.code }, 'WhatsApp rejected the access token; the outbox holds messages until the connection is fixed');
    } else if (err.kind === 'permanent') {
      repo.finish(row.id, 'failed', err.code, error, t);
    } else if (attempts >= s.maxAttempts) {
      repo.finish(row.id, 'failed', err.code, `gave up after ${attempts} attempts: ${error}`, t);
    } else {
      if (err.scope === 'global') {
        globalStrikes += 1;
        globalBlockedUntil = now + backoffMs(globalStrikes, s.backoffBaseMs, s.backoffMaxMs, random);
      } else if (err.scope === 'recipient') {
        const r = recipient(row.recipient, now);
        r.strikes += 1;
        r.blockedUntil = now + Math.max(s.recipientIntervalMs, backoffMs(r.strikes, s.backoffBaseMs, s.backoffMaxMs, random));
        r.bucket.drain(now);
      }
      repo.requeue(row.id, iso(now + backoffMs(attempts, s.backoffBaseMs, s.backoffMaxMs, random)), err.code, error, t);
    }
    deps.changed(row.id);
  }

  return {
    pass,
    wake,
    /** The settings changed (a new token, say): stop holding and look again. */
    configChanged(): void {
      accountHeldUntil = 0;
      global = null;
      wake();
    },
    /** Resolves when no send is in flight. */
    async idle(): Promise<void> {
      while (inFlight.size) await Promise.allSettled([...inFlight.values()]);
    },
    inFlight: () => inFlight.size,
    /**
     * Start-up: rows left `sending` by a crash may or may not have reached Meta. They become
     * `unconfirmed` and are resent after the grace period unless a status carrying their id
     * (biz_opaque_callback_data) arrives first.
     */
    recover(): number {
      const now = clock.now();
      const n = repo.recoverSending(iso(now + deps.settings().confirmGraceMs), iso(now));
      for (const id of repo.unconfirmedIds()) {
        const row = repo.get(id);
        if (row && !confirmedByStatus(row, now)) deps.changed(id);
      }
      if (n) log.info({ rows: n }, 'outbox: messages interrupted mid-send wait for a status before being resent');
      return n;
    },
    start(): void {
      running = true;
      wake();
    },
    async stop(graceMs = 5000): Promise<void> {
      running = false;
      cancelTimer?.();
      cancelTimer = null;
      timerAt = Infinity;
      await Promise.race([this.idle(), new Promise((r) => setTimeout(r, graceMs).unref())]);
    },
  };
}
export type OutboxWorker = ReturnType<typeof createOutboxWorker>;
