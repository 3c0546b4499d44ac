import { followUpsAllowed, type Agent } from '../contracts/index.js';
import { SERVICE_WINDOW_MS, type CrmService } from '../crm/index.js';
import type { Logger } from 'pino';
import { readMemory } from './memory.js';
import type { AgentsPort, ConversationsService } from './conversations.service.js';
import type { ThreadRow } from './threads.repo.js';

export const FOLLOW_UP_SETTING = 'conversations.followUpAfterMinutes';
export const DEFAULT_FOLLOW_UP_MINUTES = 180;
/** A follow-up is only sent this long before the 24-hour window closes, never in its last minutes. */
export const WINDOW_MARGIN_MS = 15 * 60 * 1000;

export interface FollowUpDeps {
  conversations: Pick<ConversationsService, 'followUpTurn' | 'repo'>;
  agents: AgentsPort;
  crm: Pick<CrmService, 'get'>;
  settings: { getValue(key: string): unknown };
  log: Logger;
}

function delayMinutes(settings: FollowUpDeps['settings']): number {
  const v = Number(settings.getValue(FOLLOW_UP_SETTING));
  return Number.isFinite(v) && v > 0 ? v : DEFAULT_FOLLOW_UP_MINUTES;
}

/**
 * Follow-ups: a shopper who showed interest and went quiet after our last message gets a nudge
 * once the delay has passed, as many times as the agent's tenacity allows (Zen never, Shark
 * twice), only inside the 24-hour window and never after they said no.
 */
export function createFollowUps(deps: FollowUpDeps) {
  function agentOf(row: ThreadRow): Agent | null {
    try {
      return row.agent_id ? deps.agents.get(row.agent_id) : deps.agents.defaultAgent();
    } catch {
      return null;
    }
  }

  /** Whether this thread is due a follow-up at `now`. */
  function due(row: ThreadRow, now: Date): Agent | null {
    const memory = readMemory(row.memory);
    if (!memory.interested || memory.optedOut) return null;
    const agent = agentOf(row);
    if (!agent || agent.status !== 'active') return null;
    if (row.follow_ups_sent >= followUpsAllowed(agent.persona.tenacity)) return null;
    const contact = deps.crm.get(row.contact_id);
    const last = contact.lastInboundAt ? Date.parse(contact.lastInboundAt) : NaN;
    if (!Number.isFinite(last) || now.getTime() > last + SERVICE_WINDOW_MS - WINDOW_MARGIN_MS) return null;
    return agent;
  }

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;

  return {
    /** Sends the follow-ups due at `now`; resolves with how many threads got one. */
    async run(now: Date = new Date()): Promise<number> {
      const before = new Date(now.getTime() - delayMinutes(deps.settings) * 60_000).toISOString();
      let sent = 0;
      for (const row of deps.conversations.repo.quietSince(before)) {
        const agent = due(row, now);
        if (!agent) continue;
        try {
          const r = await deps.conversations.followUpTurn(row, agent, now);
          if (r.replies.length) sent += 1;
        } catch (err) {
          deps.log.error({ err, threadId: row.id }, 'a follow-up failed');
        }
      }
      return sent;
    },
    /** Every minute while the server runs. */
    start(everyMs = 60_000): void {
      if (timer) return;
      timer = setInterval(() => {
        running ??= this.run().finally(() => (running = null));
      }, everyMs);
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
export type FollowUps = ReturnType<typeof createFollowUps>;
