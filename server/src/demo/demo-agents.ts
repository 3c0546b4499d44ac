import type { AgentsService } from '../agents/index.js';
import type { AgentCreate } from '../contracts/index.js';

/** The demo store's two agents: a warm Hinglish salesman on the number, and a calm after-sales colleague. */
export const DEMO_AGENTS: (AgentCreate & { name: string; isDefault: boolean; avatarDescription: string })[] = [
  {
    name: 'Aarav',
    role: 'Sales',
    isDefault: true,
    persona: {
      tone: 75,
      tenacity: 60,
      emoji: 45,
      length: 35,
      languages: ['english', 'hinglish'],
      instructions: 'Greet with "Namaste". Mention that every gold piece is BIS hallmarked when a shopper asks about gold.',
    },
    awayMessage: 'Namaste! Aarav is away right now; someone from Shringar Jewellers will reply soon.',
    avatarDescription: 'Friendly young Indian salesman with short hair and a neat beard',
  },
  {
    name: 'Riya',
    role: 'After-sales',
    isDefault: false,
    persona: {
      tone: 35,
      tenacity: 20,
      emoji: 15,
      length: 50,
      languages: ['english', 'hinglish', 'hindi'],
      instructions: 'Help with exchanges, repairs, cleaning and resizing. Be patient and reassuring.',
    },
    whenPaused: 'inbox',
    avatarDescription: 'Calm Indian saleswoman in a saree with long hair',
  },
];

export type DemoAgentsTarget = Pick<AgentsService, 'byName' | 'create' | 'update' | 'makeDefault' | 'generateAvatar'>;

/**
 * Gives the demo store its agents: Aarav (the first agent every store has) takes the demo persona,
 * Riya is added; each gets an illustrated face. Idempotent: run twice, the same two agents.
 */
export async function seedDemoAgents(agents: DemoAgentsTarget): Promise<number> {
  for (const { isDefault, avatarDescription, ...fields } of DEMO_AGENTS) {
    const existing = agents.byName(fields.name);
    const agent = existing ? agents.update(existing.id, { role: fields.role, persona: fields.persona, whenPaused: fields.whenPaused, awayMessage: fields.awayMessage }) : agents.create(fields);
    if (isDefault && !agent.isDefault) agents.makeDefault(agent.id);
    if (!agent.avatar || (agent.avatar.kind === 'illustrated' && agent.avatar.description !== avatarDescription)) {
      await agents.generateAvatar(agent.id, { description: avatarDescription });
    }
  }
  return DEMO_AGENTS.length;
}
