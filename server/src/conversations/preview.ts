import type { Agent, Contact, PersonaPreview, PersonaPreviewRequestSchema, StoreProfile } from '../contracts/index.js';
import { CONTACT_PROFILE_DEFAULTS } from '../contracts/index.js';
import type { z } from 'zod';
import type { ConversationsDeps } from './conversations.service.js';
import { normaliseMessage, textPayload } from './inbound.js';
import { emptyMemory } from './memory.js';
import { renderOutbound } from './render.js';
import { think } from './think.js';

const PREVIEW_WA_ID = '919999900000';

/**
 * The Studio's live preview: the offline brain answers one message in this persona and name, with
 * the default agent's skills, against the real catalog. Nothing is stored and nothing is sent.
 */
export async function previewPersona(
  deps: Pick<ConversationsDeps, 'agents' | 'skills' | 'factCheck' | 'personaInstructions' | 'offlineModel' | 'settings'>,
  input: z.output<typeof PersonaPreviewRequestSchema>,
  now = new Date(),
): Promise<PersonaPreview> {
  const base = deps.agents.defaultAgent();
  const agent: Agent = { ...base, name: input.name, persona: input.persona, status: 'active' };
  let store: StoreProfile;
  try {
    store = deps.settings.getStoreProfile();
  } catch {
    store = { name: 'our store', phone: '', timeZone: 'Asia/Kolkata' } as unknown as StoreProfile;
  }
  const at = now.toISOString();
  const contact: Contact = {
    id: 0, waId: PREVIEW_WA_ID, userId: null, parentUserId: null, username: null, phone: `+${PREVIEW_WA_ID}`, name: null, lastInboundAt: at,
    windowOpenUntil: null, windowOpen: true, marketingPreference: null, marketingPreferenceAt: null, ...CONTACT_PROFILE_DEFAULTS, tags: [], custom: {}, createdAt: at, updatedAt: at,
  };
  const inbound = normaliseMessage(textPayload(input.message), { waId: PREVIEW_WA_ID }, now);
  const out = await think({
    model: deps.offlineModel(), skills: deps.skills, factCheck: deps.factCheck, agent, store, contact, channel: 'simulator', to: PREVIEW_WA_ID,
    instructions: (toolNames) => deps.personaInstructions(agent, store, { toolNames }), history: [], userText: input.message, inbound, followUp: false, memory: emptyMemory(), now, emit: () => {},
  });
  return { instructions: out.instructions, replies: out.messages.map(renderOutbound), messages: out.messages as unknown as Record<string, unknown>[] };
}
