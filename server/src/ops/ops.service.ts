import type { Logger } from 'pino';
import { OPS_EVENT_TYPES, OpsEventQuerySchema, OpsSettingsSchema, type OpsEvent, type OpsEventPage, type OpsEventType, type OpsSettings } from '../contracts/index.js';
import type { Db } from '../db/index.js';
import type { SettingsService } from '../settings/index.js';
import { DomainError, fieldErrors } from '../shared/errors.js';
import type { Bus } from './bus.js';
import { eventsRepo, type EventQuery, type OpsEventDraft } from './events.repo.js';
import { maskEvent } from './mask.js';
import { createRecorder, type ContactLabel } from './recorder.js';

export const OPS_SETTINGS_KEY = 'ops.settings';
/** Events stored in one transaction at most; a burst beyond it is flushed at once. */
export const MAX_BATCH = 1000;
/** Rows deleted per pruning step; the event loop breathes between steps. */
export const PRUNE_BATCH = 2000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface OpsServiceDeps {
  db: Db;
  bus: Bus;
  log: Logger;
  settings: Pick<SettingsService, 'getValue' | 'setValue'>;
  contactLabel: ContactLabel;
  clock?: () => Date;
}

/** What a domain writes to the log directly (SYNC, ORDER…): the time defaults to now. */
export type RecordInput = Pick<OpsEventDraft, 'type' | 'detail'> & Partial<Omit<OpsEventDraft, 'type' | 'detail'>>;

const list = (s: string | undefined) => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean);
function ids(s: string | undefined, field: string): number[] {
  return list(s).map((x) => {
    if (!/^\d+$/.test(x)) throw new DomainError('validation', `"${x}" is not an id`, { [field]: 'Comma-separated ids' });
    return Number(x);
  });
}
export function eventTypes(s: string | undefined): OpsEventType[] {
  return list(s).map((t) => {
    const type = t.toUpperCase() as OpsEventType;
    if (!OPS_EVENT_TYPES.includes(type)) throw new DomainError('validation', `"${t}" is not an event type (${OPS_EVENT_TYPES.join(', ')})`, { type: 'Unknown event type' });
    return type;
  });
}

/**
 * The event log: the recorder turns bus messages into events, stores them in batches (one
 * transaction per tick), and only then publishes each as `ops.event` with its cursor. Pruning
 * by age and count, masking, and the pages the Matrix and the CLI read.
 */
export function createOpsService(deps: OpsServiceDeps) {
  const repo = eventsRepo(deps.db);
  const clock = deps.clock ?? (() => new Date());
  const toDraft = createRecorder(deps.contactLabel);
  let cached: OpsSettings | null = null;
  const pending: OpsEventDraft[] = [];
  let scheduled: NodeJS.Immediate | null = null;
  let unsubscribe: (() => void) | null = null;
  let daily: NodeJS.Timeout | null = null;
  let pruning: Promise<unknown> = Promise.resolve();

  function settings(): OpsSettings {
    if (cached) return cached;
    const parsed = OpsSettingsSchema.safeParse(deps.settings.getValue(OPS_SETTINGS_KEY) ?? {});
    cached = parsed.success ? parsed.data : OpsSettingsSchema.parse({});
    return cached;
  }

  function enqueue(draft: OpsEventDraft): void {
    pending.push(settings().maskPersonalData ? maskEvent(draft) : draft);
    if (pending.length >= MAX_BATCH) flush();
    else scheduled ??= setImmediate(flush);
  }

  /** Stores what is pending (one transaction), then publishes each stored event; returns them. */
  function flush(): OpsEvent[] {
    if (scheduled) clearImmediate(scheduled);
    scheduled = null;
    if (!pending.length) return [];
    let drafts = pending.splice(0);
    let cursors: number[];
    try {
      cursors = repo.insert(drafts);
    } catch {
      // One event the store refuses must not take the rest of the batch with it: one at a time.
      const kept: OpsEventDraft[] = [];
      cursors = [];
      for (const d of drafts) {
        try {
          cursors.push(...repo.insert([d]));
          kept.push(d);
        } catch (err) {
          deps.log.error({ err, type: d.type, detail: d.detail.slice(0, 200) }, 'could not store an event in the event log');
        }
      }
      drafts = kept;
    }
    const events = drafts.map((d, i) => ({ ...d, cursor: cursors[i] as number }));
    for (const event of events) deps.bus.publish({ type: 'ops.event', time: event.time, event });
    return events;
  }

  function onMessage(m: Parameters<Parameters<Bus['subscribe']>[0]>[0]): void {
    if (m.type === 'settings.changed' && m.key === OPS_SETTINGS_KEY) cached = null;
    const draft = toDraft(m);
    if (draft) enqueue(draft);
  }

  async function prune(): Promise<{ byAge: number; byCount: number }> {
    const s = settings();
    const before = new Date(clock().getTime() - s.retentionDays * DAY_MS).toISOString();
    const breathe = () => new Promise<void>((r) => setImmediate(r));
    let byAge = 0;
    for (;;) {
      const n = repo.pruneOlderThan(before, PRUNE_BATCH);
      byAge += n;
      if (n < PRUNE_BATCH) break;
      await breathe();
    }
    let byCount = 0;
    for (let excess = repo.count() - s.maxEvents; excess > 0; ) {
      const n = repo.pruneOldest(Math.min(PRUNE_BATCH, excess));
      if (n === 0) break;
      byCount += n;
      excess -= n;
      if (excess > 0) await breathe();
    }
    if (byAge || byCount) deps.log.info({ byAge, byCount, retentionDays: s.retentionDays, maxEvents: s.maxEvents }, 'pruned the event log');
    return { byAge, byCount };
  }

  const service = {
    /** Starts recording the bus (server only: CLI commands do not record). */
    start(): void {
      unsubscribe ??= deps.bus.subscribe(onMessage);
      pruning = prune().catch((err: unknown) => deps.log.error({ err }, 'could not prune the event log'));
      daily ??= setInterval(() => {
        pruning = pruning.then(prune).catch((err: unknown) => deps.log.error({ err }, 'could not prune the event log'));
      }, DAY_MS);
      daily.unref();
    },
    async stop(): Promise<void> {
      unsubscribe?.();
      unsubscribe = null;
      if (daily) clearInterval(daily);
      daily = null;
      await pruning;
      flush();
    },
    /** For domains that write to the log themselves (SYNC, ORDER). Stored within the tick. */
    record(input: RecordInput): void {
      enqueue({
        time: input.time ?? clock().toISOString(), type: input.type, detail: input.detail, data: input.data ?? {},
        agentId: input.agentId ?? null, agent: input.agent ?? null, contactId: input.contactId ?? null,
        contact: input.contact ?? (input.contactId != null ? deps.contactLabel(input.contactId) : null),
      });
    },
    flush,
    prune,
    /** The highest cursor stored so far (0 when none). */
    head: () => repo.head(),
    count: () => repo.count(),
    /** Events after `since` matching the filters, oldest first (the live stream's catch-up). */
    page: (query: EventQuery): OpsEvent[] => repo.page(query),
    /** `GET /api/events` and `revive events`: `next` is the last cursor returned, else `since`. */
    list(rawQuery: unknown): OpsEventPage {
      const parsed = OpsEventQuerySchema.safeParse(rawQuery);
      if (!parsed.success) throw new DomainError('validation', 'The event query is not valid', fieldErrors(parsed.error.issues));
      const q = parsed.data;
      const since = q.since ?? 0;
      const events = repo.page({ since, types: eventTypes(q.type), agents: ids(q.agent, 'agent'), contacts: ids(q.contact, 'contact'), q: q.q?.trim() || undefined, limit: q.limit ?? 200 });
      return { events, next: events.at(-1)?.cursor ?? since };
    },
    getSettings: (): OpsSettings => settings(),
    updateSettings(patch: unknown): OpsSettings {
      const parsed = OpsSettingsSchema.partial().safeParse(patch ?? {});
      if (!parsed.success) throw new DomainError('validation', 'Some event log settings need fixing', fieldErrors(parsed.error.issues));
      const next = OpsSettingsSchema.parse({ ...settings(), ...parsed.data });
      deps.settings.setValue(OPS_SETTINGS_KEY, next);
      cached = next;
      if (unsubscribe) pruning = pruning.then(prune).catch((err: unknown) => deps.log.error({ err }, 'could not prune the event log'));
      return next;
    },
  };
  return service;
}
export type OpsService = ReturnType<typeof createOpsService>;
