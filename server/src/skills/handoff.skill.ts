import { z } from 'zod';
import type { Agent } from '../contracts/index.js';
import { DomainError } from '../shared/errors.js';
import type { SkillManifest } from './types.js';

export const HANDOFF_SKILL_ID = 'human_handoff';

/** Kept compatible with the placeholder's saved configs (sentimentThreshold, notifyOwner). */
export const HandoffConfigSchema = z.object({
  sentimentThreshold: z.number().min(-1, 'At least -1').max(0, 'At most 0').default(-0.5).describe('Hand over when the mood score falls below this (-1 angry … 0 neutral)'),
  notifyOwner: z.boolean().default(true).describe('Alert you (desktop notification and in the app) when a chat is handed over'),
  maxFailures: z.number().int().min(1, 'At least 1').max(10, 'At most 10').default(2).describe('Hand over after this many unanswered turns in a row'),
  orderValueAbove: z.number().int('Whole rupees').min(0, 'At least ₹0').default(200000).describe('Hand over orders above this amount (rupees) for a person to confirm'),
});
export type HandoffConfig = z.output<typeof HandoffConfigSchema>;

/**
 * Human handoff: no tool of its own (the engine's built-in `handoff_to_human` is always there for
 * the model); its settings drive the engine's triggers: mood, repeated failure, big orders.
 */
export const handoffSkill: SkillManifest<typeof HandoffConfigSchema> = {
  id: HANDOFF_SKILL_ID,
  name: 'Human handoff',
  description: 'Hands the chat to you when the shopper asks for a person, sounds upset, the agent fails to answer twice, or an order is large; tells them someone will reply and alerts you.',
  summary: 'Passes upset or stuck chats to your Inbox',
  icon: 'headset',
  configSchema: HandoffConfigSchema,
  defaultEnabled: true,
  available: true,
  tools: [],
  execute() {
    throw new DomainError('not_found', 'Human handoff has no tool of its own; the model hands over with handoff_to_human');
  },
};

/** An agent's handoff settings, or null when the skill is switched off for it. */
export function handoffSettings(agent: Agent): HandoffConfig | null {
  const entry = agent.skills.find((s) => s.id === HANDOFF_SKILL_ID);
  if (entry && !entry.enabled) return null;
  const parsed = HandoffConfigSchema.safeParse(entry?.config ?? {});
  return parsed.success ? parsed.data : HandoffConfigSchema.parse({});
}
