/** The conversations domain's public face: the engine, its threads, the simulator and follow-ups. */
import { personaInstructions } from '../agents/index.js';
import { classifyIntent, createOfflineModel, modelFromSettings, type Model } from '../brain/index.js';
import type { DomainModule } from '../domains.js';
import type { SettingsService } from '../settings/index.js';
import { factCheck } from '../skills/index.js';
import { createConversationsService, type ConversationsDeps } from './conversations.service.js';
import { saysStop } from './render.js';
import { conversationsRoutes } from './conversations.routes.js';
import { createFollowUps } from './follow-ups.js';
import { createInbox } from './inbox.service.js';
import { inboxRoutes } from './inbox.routes.js';

export { createConversationsService, type ConversationsService, type ConversationsDeps, type ChatInput, type AgentsPort } from './conversations.service.js';
export { createFollowUps, FOLLOW_UP_SETTING, DEFAULT_FOLLOW_UP_MINUTES, WINDOW_MARGIN_MS, type FollowUps } from './follow-ups.js';
export { normaliseMessage, textPayload } from './inbound.js';
export { renderInbound, renderOutbound, saysStop } from './render.js';
export { BUILT_IN_TOOLS, FALLBACK_TEXT, UNBACKED_PRICE_TEXT } from './think.js';
export { previewPersona } from './preview.js';
export { runInboundHooks, type InboundHook, type InboundHookResult } from './hooks.js';
export { createInbox, WINDOW_MS, type Inbox } from './inbox.service.js';
export { languageOf, type FeedbackPort } from './handoff.js';

type Defaulted = 'personaInstructions' | 'factCheck' | 'model' | 'offlineModel' | 'settings';
export type ConversationsOptions = Omit<ConversationsDeps, Defaulted> &
  Partial<Omit<ConversationsDeps, 'settings'>> & {
    settings: Pick<SettingsService, 'getStoreProfile' | 'getValue' | 'readSecret'>;
    /** A Mistral-compatible origin for the chat model (config `mistralServerUrl`). */
    mistralServerUrl?: string | undefined;
  };

/**
 * Builds the engine and its module: the simulator/thread/preview routes and, while the server
 * runs, the follow-up sweep every minute. Unless given, the brain is the one Settings choose
 * (read per turn: a Mistral key switches providers), the persona and fact check are the real ones.
 */
export function createConversations(opts: ConversationsOptions) {
  let offline: Model | undefined;
  const settings = opts.settings;
  const deps: ConversationsDeps = {
    ...opts,
    personaInstructions: opts.personaInstructions ?? personaInstructions,
    factCheck: opts.factCheck ?? factCheck,
    offlineModel: opts.offlineModel ?? (() => (offline ??= createOfflineModel())),
    model: opts.model ?? (() => modelFromSettings(settings, { mistralServerUrl: opts.mistralServerUrl, log: opts.log })),
    saysStop: opts.saysStop ?? ((t) => saysStop(t) || classifyIntent(t) === 'stop'),
  };
  const base = createConversationsService(deps);
  const followUps = createFollowUps({ conversations: base, agents: deps.agents, crm: deps.crm, settings: deps.settings, log: base.log });
  const inbox = createInbox({ db: deps.db, bus: deps.bus, conversations: base, crm: deps.crm, agents: deps.agents, outbox: deps.outbox ?? null, ...(deps.clock ? { clock: deps.clock } : {}) });
  const service = { ...base, followUps, inbox };
  const module: DomainModule = {
    name: 'conversations',
    adminRouters: [conversationsRoutes(base, deps), inboxRoutes(inbox)],
    start() {
      followUps.start();
    },
    async stop() {
      await followUps.stop();
      await base.idle();
    },
  };
  return { service, module };
}
export type Conversations = ReturnType<typeof createConversations>;
