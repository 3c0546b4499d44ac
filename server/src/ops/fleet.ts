import type { Agent, Fleet, FleetCard } from '../contracts/index.js';
import type { Db } from '../db/index.js';

const HOUR_MS = 60 * 60 * 1000;

export interface FleetDeps {
  db: Db;
  listAgents: () => Agent[];
  /** Threads a person holds (state 'handoff'), per agent id. */
  openHandoffsByAgent: () => Map<number, number>;
  /** Open and won deals' value in whole rupees, per agent id (empty until the pipeline is wired). */
  pipelineValueByAgent: () => Map<number, number>;
  /** The store's IANA time zone ("today" is the store's day). */
  timeZone: () => string;
  clock?: () => Date;
}

/** Milliseconds the zone is ahead of UTC at `t`. */
function offsetAt(t: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(t))
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  const local = Date.UTC(parts.year as number, (parts.month as number) - 1, parts.day as number, parts.hour as number, parts.minute as number, parts.second as number);
  return local - (t - (t % 1000));
}

/** The instant the store's day containing `now` began, as ISO-8601 UTC. */
export function startOfDay(now: Date, timeZone: string): string {
  const t = now.getTime();
  const localMidnight = Math.floor((t + offsetAt(t, timeZone)) / (24 * HOUR_MS)) * 24 * HOUR_MS;
  // The offset at midnight can differ from now's (a DST change during the day): settle it once more.
  let start = localMidnight - offsetAt(localMidnight - offsetAt(t, timeZone), timeZone);
  if (start > t) start -= 24 * HOUR_MS;
  return new Date(start).toISOString();
}

interface TodayRow { agent_id: number; conversations: number; messages: number; last_error: number | null; last_outbound: number | null }
interface LastRow { last: string | null }
interface BucketRow { agent_id: number; hour: string; n: number }

/**
 * The Fleet cards, from the event log: today's conversations (distinct shoppers with a message
 * either way) and messages, the state (an ERROR after the last OUTBOUND today), the last
 * activity, and 24 hourly buckets ending with the current hour. Every query is on an index.
 */
export function createFleet(deps: FleetDeps) {
  const clock = deps.clock ?? (() => new Date());
  const today = deps.db.prepare<[string], TodayRow>(`
    select agent_id,
      count(distinct case when type in ('INBOUND', 'OUTBOUND') then contact_id end) as conversations,
      sum(type in ('INBOUND', 'OUTBOUND')) as messages,
      max(case when type = 'ERROR' then cursor end) as last_error,
      max(case when type = 'OUTBOUND' then cursor end) as last_outbound
    from ops_events indexed by ops_events_time where time >= ? and +type in ('INBOUND', 'OUTBOUND', 'ERROR') and +agent_id is not null
    group by agent_id`);
  const last = deps.db.prepare<[number], LastRow>('select time as last from ops_events where agent_id = ? order by cursor desc limit 1');
  const buckets = deps.db.prepare<[{ from: string }], BucketRow>(`
    select agent_id, substr(time, 1, 13) as hour, count(*) as n
    from ops_events indexed by ops_events_time where time >= @from and +agent_id is not null group by agent_id, hour`);

  return function fleet(): Fleet {
    const now = clock();
    const dayStart = startOfDay(now, deps.timeZone());
    const hour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
    const from = hour - 23 * HOUR_MS;
    const byAgent = new Map(today.all(dayStart).map((r) => [r.agent_id, r]));
    const activity = new Map<number, number[]>();
    for (const r of buckets.all({ from: new Date(from).toISOString() })) {
      // Stored times are UTC ("2026-12-01T11"): the hour's prefix names its bucket.
      const bucket = Math.round((Date.parse(`${r.hour}:00:00.000Z`) - from) / HOUR_MS);
      if (!(bucket >= 0 && bucket <= 23)) continue;
      const a = activity.get(r.agent_id) ?? Array.from({ length: 24 }, () => 0);
      a[bucket] = (a[bucket] ?? 0) + r.n;
      activity.set(r.agent_id, a);
    }
    const handoffs = deps.openHandoffsByAgent();
    const pipeline = deps.pipelineValueByAgent();
    const cards = deps.listAgents().map((agent): FleetCard => {
      const t = byAgent.get(agent.id);
      const failing = t?.last_error != null && (t.last_outbound == null || t.last_error > t.last_outbound);
      return {
        agent,
        state: agent.status === 'paused' ? 'paused' : failing ? 'error' : 'active',
        conversationsToday: t?.conversations ?? 0,
        messagesToday: t?.messages ?? 0,
        openHandoffs: handoffs.get(agent.id) ?? 0,
        pipelineValue: Math.max(0, Math.round(pipeline.get(agent.id) ?? 0)),
        lastActivity: last.get(agent.id)?.last ?? null,
        activity: activity.get(agent.id) ?? Array.from({ length: 24 }, () => 0),
      };
    });
    return { cards };
  };
}
