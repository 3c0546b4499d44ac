import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Agent, BrainUsage, Channel, ChatResult, Contact, ConversationEvent, ConversationEventType, InboundMessage, StoreProfile, Thread, ThreadDetail } from '../contracts/index.js';
import type { ChatMessage, Model, ThreadMemory } from '../brain/index.js';
import { normalizePhone, type CrmService } from '../crm/index.js';
import type { Db } from '../db/index.js';
import type { Bus } from '../ops/index.js';
import type { SettingsService } from '../settings/index.js';
import type { SkillRegistry } from '../skills/index.js';
import { DomainError } from '../shared/errors.js';
import { textMessage, type GraphMessage, type Outbox } from '../whatsapp/index.js';
import { createHandoffs, orderHandoffReason, type EarlyHandoff, type FeedbackPort } from './handoff.js';
import { runInboundHooks, type InboundHook } from './hooks.js';
import { normaliseMessage } from './inbound.js';
import { emptyMemory, readMemory, rememberInbound } from './memory.js';
import { inboundKind, outboundKind, renderInbound, renderOutbound, saysStop } from './render.js';
import { KeyedSerial } from './serial.js';
import { think, type FactCheck } from './think.js';
import { threadsRepo, type MessageRow, type ThreadRow, type UsageRow } from './threads.repo.js';

/** The turn's model calls (THINKING events) summed per provider and model, for the day's usage. */
function usageOf(events: ConversationEvent[], agentId: number, at: string): UsageRow[] {
  const rows = new Map<string, UsageRow>();
  for (const e of events) {
    if (e.type !== 'THINKING') continue;
    const d = e.data as { provider?: unknown; model?: unknown; usage?: { promptTokens?: unknown; completionTokens?: unknown } };
    if (typeof d.provider !== 'string' || typeof d.model !== 'string') continue;
    const key = `${d.provider} ${d.model}`;
    const row = rows.get(key) ?? { day: at.slice(0, 10), provider: d.provider, model: d.model, agent_id: agentId, calls: 0, prompt_tokens: 0, completion_tokens: 0 };
    row.calls += 1;
    row.prompt_tokens += Number(d.usage?.promptTokens) || 0;
    row.completion_tokens += Number(d.usage?.completionTokens) || 0;
    rows.set(key, row);
  }
  return [...rows.values()];
}

/** What the engine needs of the agents domain. */
export interface AgentsPort {
  get(id: number): Agent;
  defaultAgent(): Agent;
  byName(name: string): Agent | null | undefined;
}

export interface ConversationsDeps {
  db: Db;
  bus: Bus;
  log: Logger;
  settings: Pick<SettingsService, 'getStoreProfile' | 'getValue'>;
  crm: CrmService;
  agents: AgentsPort;
  skills: Pick<SkillRegistry, 'toolsFor' | 'execute'>;
  personaInstructions: (agent: Agent, store: StoreProfile, opts?: { toolNames?: string[] }) => string;
  factCheck: FactCheck;
  /** The brain in force (read per turn, so a Mistral key set in Settings switches providers). */
  model: () => Model;
  /** The offline brain, for the persona preview. */
  offlineModel: () => Model;
  /** Replies on the WhatsApp channel are committed here, in the same transaction as the thread. */
  outbox?: Pick<Outbox, 'enqueueAll'> | null;
  /** Blue ticks and "typing…" while the agent thinks (best effort). */
  markRead?: (messageId: string) => Promise<void>;
  /** Whether the shopper's words end the conversation ("stop", "nahi chahiye"). */
  saysStop?: (text: string) => boolean;
  clock?: () => Date;
  /** Lines of history the model sees. */
  historyLines?: number;
  /** Other domains' reactions to an inbound message before the agent thinks (an order, a finished Flow); read per turn. */
  inboundHooks?: InboundHook[];
  /** Ratings in plain messages ("5 stars"), recorded by the feedback domain. */
  feedback?: FeedbackPort | null;
}

export interface ChatInput {
  channel: Channel;
  phone: string;
  name?: string;
  agentId?: number;
  agentName?: string;
  /** One raw `messages[]` object as Meta sends it; id, from and timestamp are filled in when missing. */
  message: Record<string, unknown>;
  now?: Date;
}

interface TurnInput {
  channel: Channel;
  scope: string;
  contact: Contact;
  inbound: InboundMessage | null;
  agent?: Agent;
  now: Date;
}

/** Inbound types that need no answer. */
const QUIET_TYPES = new Set<InboundMessage['type']>(['reaction', 'revoke', 'edit', 'system']);

const DEFAULT_AWAY = 'Thank you for your message. We are away right now and will reply as soon as we are back.';

const FALLBACK_STORE = { name: 'our store', phone: '', timeZone: 'Asia/Kolkata' } as unknown as StoreProfile;

/** The conversation engine: threads, the per-shopper serial turn, persistence and events. */
export function createConversationsService(deps: ConversationsDeps) {
  const repo = threadsRepo(deps.db);
  const log = deps.log.child({ domain: 'conversations' });
  const clock = deps.clock ?? (() => new Date());
  const serial = new KeyedSerial();
  const historyLines = deps.historyLines ?? 12;
  const stopWords = deps.saysStop ?? saysStop;
  const handoffs = createHandoffs(deps);
  let modelOverride: (() => Model) | null = null;

  // Parsing the profile checks its time zone with Intl (costly): read once, again after a settings change.
  let profile: StoreProfile | null = null;
  deps.bus.subscribe((m) => {
    if (m.type === 'settings.changed') profile = null;
  });
  const store = (): StoreProfile => {
    if (profile) return profile;
    try {
      return (profile = deps.settings.getStoreProfile());
    } catch {
      return FALLBACK_STORE;
    }
  };

  function agentFor(thread: ThreadRow | undefined, requested: { agentId?: number; agentName?: string }): Agent {
    if (requested.agentId !== undefined) return deps.agents.get(requested.agentId);
    if (requested.agentName !== undefined) {
      const a = deps.agents.byName(requested.agentName);
      if (!a) throw new DomainError('not_found', `There is no agent named "${requested.agentName}"`);
      return a;
    }
    if (thread?.agent_id) {
      try {
        return deps.agents.get(thread.agent_id);
      } catch {
        // the thread's agent was deleted: the default takes over
      }
    }
    return deps.agents.defaultAgent();
  }

  function history(threadId: number): ChatMessage[] {
    const out: ChatMessage[] = [];
    for (const row of repo.recent(threadId, historyLines)) {
      const role = row.direction === 'in' ? 'user' : 'assistant';
      const last = out[out.length - 1];
      if (last && last.role === role && typeof last.content === 'string') last.content = `${last.content}\n${row.text}`;
      else out.push({ role, content: row.text } as ChatMessage);
    }
    return out;
  }

  function recipient(contact: Contact): string {
    const to = contact.waId ?? contact.userId ?? contact.phone;
    if (!to) throw new DomainError('validation', `Contact ${contact.id} has no WhatsApp id to reply to`);
    return to;
  }

  async function turn(input: TurnInput): Promise<ChatResult> {
    const { contact, inbound, channel, now } = input;
    const at = now.toISOString();
    if (inbound) {
      const done = repo.inbound(inbound.id);
      if (done) return { replies: repo.answersTo(inbound.id).map((r) => JSON.parse(r.payload) as Record<string, unknown>), events: [] };
    }
    let thread = repo.find(contact.id, channel, input.scope);
    const agent = input.agent ?? agentFor(thread, {});
    thread ??= repo.ensure(contact.id, channel, input.scope, agent.id, JSON.stringify(emptyMemory()), at);
    const events: ConversationEvent[] = [];
    const emit = (type: ConversationEventType, detail: string, data: Record<string, unknown> = {}) => {
      const event: ConversationEvent = { type, time: clock().toISOString(), agentId: agent.id, agentName: agent.name, contactId: contact.id, threadId: thread.id, inboundId: inbound?.id ?? null, detail, data };
      events.push(event);
      deps.bus.publish({ type: 'conversation.event', time: event.time, event });
    };

    const memory = readMemory(thread.memory);
    let state = thread.state === 'closed' ? 'open' : thread.state;
    const userText = inbound ? renderInbound(inbound) : null;
    if (inbound) {
      emit('INBOUND', userText ?? '', { kind: inboundKind(inbound), messageId: inbound.id, text: userText });
      rememberInbound(memory, inbound, stopWords(inbound.text ?? ''));
    }
    const hooks = inbound ? await runInboundHooks(deps.inboundHooks, inbound, { contact, agent, channel, threadId: thread.id }, emit) : [];

    let replies: GraphMessage[] = [];
    let handoff: string | null = null;
    let early: EarlyHandoff | null = null;
    const to = recipient(contact);
    if (state === 'handoff') {
      // a person has this conversation: keep the message for them, say nothing
    } else if (inbound && QUIET_TYPES.has(inbound.type)) {
      // a reaction, a deleted or edited message, a system notice: noted, not answered
    } else if (agent.status === 'paused') {
      if (agent.whenPaused === 'inbox') handoff = `${agent.name} is paused`;
      else if (inbound) {
        // once, not after every message: the last thing the shopper saw was not already the away message
        const away = agent.awayMessage.trim() || DEFAULT_AWAY;
        const last = repo.recent(thread.id, 1)[0];
        if (!(last?.direction === 'out' && last.text === renderOutbound(textMessage(to, away)))) replies = [textMessage(to, away)];
      }
    } else if ((early = handoffs.before({ agent, contact, inbound, userText, to, at }))) {
      // a rating ("5 stars"): thanked, or (1–2 stars) handed to a person, without the model
      replies = early.replies;
      handoff = early.reason;
    } else {
      if (inbound && channel === 'whatsapp') void deps.markRead?.(inbound.id);
      const model = (modelOverride ?? deps.model)();
      const profile = store();
      const out = await think({
        model, skills: deps.skills, factCheck: deps.factCheck, agent, store: profile, contact, channel, to,
        instructions: (toolNames) => deps.personaInstructions(agent, profile, { toolNames }), history: history(thread.id), userText, inbound, followUp: !inbound,
        memory, now, emit, hooks,
      });
      // the model did not hand over: the shopper's mood, or its unanswered turns in a row, may
      early = out.handoff ? null : handoffs.afterThink({ thread, agent, inbound, to, messages: out.messages });
      replies = early?.replies ?? out.messages;
      handoff = out.handoff ?? early?.reason ?? null;
      Object.assign(memory, out.memory);
    }
    // A cart above the agent's handoff value: confirmed to the shopper above, then held by a person.
    const order = hooks.find((h) => h.kind === 'order' && typeof h.facts.total === 'number' && h.facts.duplicate !== true);
    if (!handoff && state !== 'handoff' && order) handoff = orderHandoffReason(agent, order.facts.total as number);
    if (handoff) {
      state = 'handoff';
      emit('HANDOFF', `handed to a person: ${handoff}`, { reason: handoff, ...early?.data });
    }
    if (!inbound) memory.followUpsSent += 1;

    const ids = persist({ thread, agent, contact, channel, inbound, replies, memory, state, at, userText, usage: usageOf(events, agent.id, at) });
    replies.forEach((p, i) => emit('OUTBOUND', renderOutbound(p), { messageId: ids[i], kind: outboundKind(p), message: p }));
    if (handoff) handoffs.mark(thread, agent, contact, handoff, at);
    return { replies: replies as unknown as Record<string, unknown>[], events };
  }

  /** The inbound line, the replies, the memory and the delivery: one transaction, all or nothing. */
  function persist(p: { thread: ThreadRow; agent: Agent; contact: Contact; channel: Channel; inbound: InboundMessage | null; replies: GraphMessage[]; memory: ThreadMemory; state: ThreadRow['state']; at: string; userText: string | null; usage: UsageRow[] }): string[] {
    return repo.transaction(() => {
      for (const u of p.usage) repo.addUsage(u);
      if (p.inbound) {
        repo.insertMessage({ thread_id: p.thread.id, direction: 'in', message_id: p.inbound.id, inbound_id: null, kind: inboundKind(p.inbound), text: p.userText ?? '', payload: JSON.stringify(p.inbound), at: p.at });
      }
      const correlationId = p.inbound?.id ?? `follow-up:${p.thread.id}:${p.memory.followUpsSent}`;
      const ids = p.channel === 'whatsapp' && deps.outbox && p.replies.length
        ? deps.outbox.enqueueAll(p.replies.map((payload) => ({ payload, contactId: p.contact.id, correlationId }))).map((item) => item.id)
        : p.replies.map(() => `local-${randomUUID()}`);
      p.replies.forEach((payload, i) => {
        repo.insertMessage({ thread_id: p.thread.id, direction: 'out', message_id: ids[i] as string, inbound_id: p.inbound?.id ?? null, kind: outboundKind(payload), text: renderOutbound(payload), payload: JSON.stringify(payload), at: p.at });
      });
      repo.update({
        id: p.thread.id, agent_id: p.agent.id, state: p.state, memory: JSON.stringify(p.memory), opted_out: p.memory.optedOut ? 1 : 0, follow_ups_sent: p.memory.followUpsSent,
        last_inbound_at: p.inbound ? p.at : p.thread.last_inbound_at, last_outbound_at: p.replies.length ? p.at : p.thread.last_outbound_at, now: p.at,
      });
      return ids;
    });
  }

  function toMessage(r: MessageRow) {
    return { id: r.id, direction: r.direction, messageId: r.message_id, kind: r.kind, text: r.text, payload: JSON.parse(r.payload) as Record<string, unknown>, at: r.at };
  }

  function summary(row: ThreadRow): Thread {
    return {
      id: row.id, contactId: row.contact_id, channel: row.channel, agentId: row.agent_id, state: row.state, optedOut: row.opted_out === 1, followUpsSent: row.follow_ups_sent,
      lastInboundAt: row.last_inbound_at, lastOutboundAt: row.last_outbound_at, createdAt: row.created_at, updatedAt: row.updated_at,
    };
  }
  const detail = (row: ThreadRow): ThreadDetail => ({ ...summary(row), messages: repo.messages(row.id).map(toMessage) });

  const scopeOf = (channel: Channel, agentId?: number) => (channel === 'simulator' && agentId !== undefined ? `agent:${agentId}` : '');

  function simulatorRow(phone: string, agentId?: number): ThreadRow | undefined {
    const e164 = normalizePhone(phone);
    if (!e164) throw new DomainError('validation', `"${phone}" is not a phone number`, { phone: 'Use a phone number, e.g. +919999900001' });
    return repo.findByWaId(e164.slice(1), 'simulator', scopeOf('simulator', agentId));
  }

  return {
    /** Runs one shopper message through the engine as `phone` on `channel` (simulator, CLI, tests). */
    async chat(input: ChatInput): Promise<ChatResult> {
      const now = input.now ?? clock();
      const e164 = normalizePhone(input.phone);
      if (!e164) throw new DomainError('validation', `"${input.phone}" is not a phone number`, { phone: 'Use a phone number with country code, e.g. +919876543210' });
      const waId = e164.slice(1);
      const inbound = normaliseMessage(input.message, { waId, name: input.name }, now);
      const contact = deps.crm.upsertFromWhatsApp({ waId, name: input.name ?? null, isTest: input.channel !== 'whatsapp' });
      if (input.channel === 'whatsapp') deps.crm.recordInbound(contact.id, inbound.timestamp);
      const requested = { agentId: input.agentId, agentName: input.agentName };
      const scope = scopeOf(input.channel, input.agentId);
      return serial.run(contact.id, () => {
        const agent = agentFor(repo.find(contact.id, input.channel, scope), requested);
        return turn({ channel: input.channel, scope, contact: deps.crm.get(contact.id), inbound, agent, now });
      });
    },
    /** The WhatsApp channel's handler: the inbox calls it once per new message, in order per shopper. */
    async handleInbound(message: InboundMessage, contact: Contact): Promise<void> {
      await serial.run(contact.id, () => turn({ channel: 'whatsapp', scope: '', contact, inbound: message, now: clock() }));
    },
    /** A follow-up turn on a thread (no new message), through the shopper's serial lane. */
    followUpTurn(thread: ThreadRow, agent: Agent, now: Date): Promise<ChatResult> {
      return serial.run(thread.contact_id, () => {
        const fresh = repo.get(thread.id);
        if (!fresh || fresh.last_outbound_at !== thread.last_outbound_at || fresh.follow_ups_sent !== thread.follow_ups_sent) return Promise.resolve({ replies: [], events: [] });
        return turn({ channel: fresh.channel, scope: fresh.scope, contact: deps.crm.get(fresh.contact_id), inbound: null, agent, now });
      });
    },
    /** A contact's threads (WhatsApp, simulator, CLI), newest first, without their messages. */
    threadsOf: (contactId: number): Thread[] => repo.ofContact(contactId).map(summary),
    thread(id: number): ThreadDetail {
      const row = repo.get(id);
      if (!row) throw new DomainError('not_found', `There is no thread ${id}`);
      return detail(row);
    },
    simulatorThread(phone: string, agentId?: number): ThreadDetail | null {
      const row = simulatorRow(phone, agentId);
      return row ? detail(row) : null;
    },
    simulatorReset(phone: string, agentId?: number): number {
      const row = simulatorRow(phone, agentId);
      return row ? repo.delete(row.id) : 0;
    },
    /** Token use of the brain since `days` days ago (UTC), per day, provider, model and agent, with totals. */
    usage(days = 30): BrainUsage {
      const since = new Date(clock().getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
      const rows = repo.usageSince(since).map((r) => ({ day: r.day, provider: r.provider, model: r.model, agentId: r.agent_id, calls: r.calls, promptTokens: r.prompt_tokens, completionTokens: r.completion_tokens }));
      const sum = (k: 'calls' | 'promptTokens' | 'completionTokens', provider?: string) => rows.filter((r) => !provider || r.provider === provider).reduce((n, r) => n + r[k], 0);
      const totals = (provider?: string) => ({ calls: sum('calls', provider), promptTokens: sum('promptTokens', provider), completionTokens: sum('completionTokens', provider) });
      return { since, rows, totals: totals(), mistral: totals('mistral') };
    },
    /** Open handoffs (threads a person holds) per agent id, for the Fleet cards. */
    openHandoffsByAgent: (): Map<number, number> => repo.handoffsByAgent(),
    /** Tests and the provider contract suite swap the brain here (null: back to the configured one). */
    setModel(model: (() => Model) | null): void {
      modelOverride = model;
    },
    /** Waits until every shopper's turn in progress has finished (tests, shutdown). */
    idle: () => serial.idle(),
    repo,
    log,
  };
}
export type ConversationsService = ReturnType<typeof createConversationsService>;
