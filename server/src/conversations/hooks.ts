import type { Agent, Channel, Contact, InboundMessage } from '../contracts/index.js';
import type { Emit } from './think.js';

/** What a hook made of an inbound message: facts the agent answers with (also the TOOL event's result). */
export interface InboundHookResult {
  /** Names the TOOL event, e.g. "order" or "flow_completion". */
  kind: string;
  /** One line for the Matrix. */
  summary: string;
  facts: Record<string, unknown>;
}

/**
 * Another domain's reaction to an inbound message before the agent thinks (an `order` becomes an
 * order, a finished Flow an appointment): null when the message is not its kind. Runs for every
 * inbound message, also when a person holds the thread; it must be idempotent on `m.id`, since a
 * webhook can be delivered again.
 */
export type InboundHook = (
  m: InboundMessage,
  ctx: { contact: Contact; agent: Agent; channel: Channel; threadId: number },
) => Promise<InboundHookResult | null> | InboundHookResult | null;

/**
 * Runs the hooks in order: each result is a TOOL event (`name` = kind, `result` = facts); a hook
 * that throws is an ERROR event and the turn goes on without it.
 */
export async function runInboundHooks(hooks: readonly InboundHook[] | undefined, m: InboundMessage, ctx: Parameters<InboundHook>[1], emit: Emit): Promise<InboundHookResult[]> {
  const out: InboundHookResult[] = [];
  for (const hook of hooks ?? []) {
    const started = performance.now();
    try {
      const r = await hook(m, ctx);
      if (!r) continue;
      out.push(r);
      emit('TOOL', `${r.kind} → ${r.summary}`, { name: r.kind, summary: r.summary, hook: true, ms: Math.round((performance.now() - started) * 10) / 10, result: r.facts });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      emit('ERROR', `an inbound hook failed on ${m.type} ${m.id}: ${message}`, { reason: 'hook_error', message, messageId: m.id });
    }
  }
  return out;
}

/** The hooks' facts as words for a model that reads text (Mistral): one system line per result, before the shopper's message. */
export function hookFactsText(results: readonly InboundHookResult[]): string | null {
  if (results.length === 0) return null;
  const lines = results.map((r) => `- ${r.kind}: ${r.summary}. Facts: ${JSON.stringify(r.facts)}`);
  return `What the store's systems did with the shopper's message below (use these facts, with their exact amounts, in your answer):\n${lines.join('\n')}`;
}
