import type { Agent, Channel, ConversationEventType, Contact, InboundMessage, StoreProfile } from '../contracts/index.js';
import { runToolLoop, type ChatMessage, type Model, type ThreadMemory, type ToolDefinition } from '../brain/index.js';
import type { SkillRegistry, SkillResult } from '../skills/index.js';
import { TOOL } from '../skills/index.js';
import { DomainError } from '../shared/errors.js';
import { charCount, LIMITS, listMessage, replyButtonsMessage, textMessage, type GraphMessage, type Json } from '../whatsapp/index.js';
import { buttonId } from './render.js';
import { rememberTool } from './memory.js';
import { hookFactsText, type InboundHookResult } from './hooks.js';

export const FALLBACK_TEXT = "Sorry, I couldn't get that done just now. Someone from our team will get back to you shortly.";
export const UNBACKED_PRICE_TEXT = 'Let me confirm the exact price with the team and get back to you.';

/** The engine's own tools: they change the reply (buttons) or the thread (handoff), not the store. */
export const BUILT_IN_TOOLS: ToolDefinition[] = [
  {
    name: TOOL.suggestReplies,
    description:
      'Offer the shopper choices to tap under your final words: up to 3 show as quick-reply buttons (titles at most 20 characters); 4 to 10 show as a list the shopper opens with one button (titles at most 24 characters). Call it before answering.',
    parameters: {
      type: 'object',
      properties: {
        buttons: { type: 'array', items: { type: 'string', maxLength: LIMITS.listRowTitle }, minItems: 1, maxItems: LIMITS.listRows },
        listButton: { type: 'string', maxLength: LIMITS.listButton, description: 'The label of the button that opens a list of 4 or more, e.g. "Choose a category"' },
      },
      required: ['buttons'],
    },
  },
  {
    name: TOOL.handoff,
    description: 'Hand this conversation to a person at the store: the shopper asked for a human, is upset, or needs what you cannot do. You stop replying on it.',
    parameters: { type: 'object', properties: { reason: { type: 'string', description: 'Why, in a few words, for the team' } }, required: ['reason'] },
  },
];

export type FactCheck = (text: string, toolResults: unknown[], opts?: { shopperText?: string }) => { ok: boolean; unbacked: number[] };
export type Emit = (type: ConversationEventType, detail: string, data?: Record<string, unknown>) => void;

export interface ThinkInput {
  model: Model;
  skills: Pick<SkillRegistry, 'toolsFor' | 'execute'>;
  factCheck: FactCheck;
  agent: Agent;
  store: StoreProfile;
  contact: Contact;
  /** Where the reply goes (skills pick picture links by it). */
  channel: Channel;
  /** Recipient for the message builders (phone digits or business-scoped user id). */
  to: string;
  /** The persona as system instructions, given the tool names the model will have. */
  instructions(toolNames: string[]): string;
  history: ChatMessage[];
  /** The shopper's message as one line; null for a follow-up. */
  userText: string | null;
  inbound: InboundMessage | null;
  followUp: boolean;
  memory: ThreadMemory;
  now: Date;
  emit: Emit;
  maxSteps?: number;
  /** What inbound hooks made of the message (an order…): facts for the model, and amounts the reply may quote. */
  hooks?: InboundHookResult[];
}

export interface ThinkOutput {
  messages: GraphMessage[];
  /** Why the thread goes to a human, when the model or a skill asked for it. */
  handoff: string | null;
  memory: ThreadMemory;
  /** The system instructions the model was given. */
  instructions: string;
}

const FOLLOW_UP_PROMPT = '(The shopper has not replied since your last message. Write one short, friendly follow-up about what they were looking at; do not repeat yourself.)';

/** Choices to tap: up to 3 become reply buttons (≤ 20 characters), 4 to 10 a list (rows ≤ 24 characters). */
export interface Choices {
  titles: string[];
  listButton: string | null;
}

function cleanButtons(raw: unknown, listButton: unknown): Choices {
  if (!Array.isArray(raw)) throw new DomainError('validation', 'buttons must be a list of 1 to 10 short titles');
  const list = raw.filter((b) => typeof b === 'string' && b.trim()).length > LIMITS.replyButtons;
  const max = list ? LIMITS.listRowTitle : LIMITS.replyButtonTitle;
  const out: string[] = [];
  for (const b of raw) {
    if (typeof b !== 'string') continue;
    let t = b.replace(/\s+/g, ' ').trim();
    if (charCount(t) > max) t = [...t].slice(0, max).join('').trim();
    if (t && !out.some((o) => o.toLowerCase() === t.toLowerCase())) out.push(t);
  }
  if (out.length === 0) throw new DomainError('validation', 'buttons must be a list of 1 to 10 short titles (at most 20 characters each for 3 or fewer)');
  const label = typeof listButton === 'string' && listButton.trim() ? [...listButton.trim()].slice(0, LIMITS.listButton).join('') : 'Choose';
  return { titles: out.slice(0, LIMITS.listRows), listButton: out.length > LIMITS.replyButtons ? label : null };
}

/** The final words as a WhatsApp message: reply buttons or a list when choices were suggested and the words fit. */
function finalMessage(to: string, text: string, choices: Choices): GraphMessage {
  const buttons = choices.titles;
  if (buttons.length && charCount(text) <= LIMITS.interactiveBody) {
    const taken = new Set<string>();
    const ids = buttons.map((title) => ({ id: buttonId(title, taken), title }));
    if (choices.listButton) return listMessage(to, { body: text, button: choices.listButton, sections: [{ rows: ids }] });
    return replyButtonsMessage(to, { body: text, buttons: ids });
  }
  const body = charCount(text) > LIMITS.textBody ? `${[...text].slice(0, LIMITS.textBody - 1).join('')}…` : text;
  return textMessage(to, body);
}

/**
 * One turn of thinking: the model and the tools in a loop, then the reply as Cloud API messages
 * (the skills' messages in order, then the final words). Stores nothing: the caller persists.
 * Never silent: a model error or the step limit ends in a polite fallback and an ERROR event;
 * final words with a rupee amount no tool result (or the shopper) gave are replaced.
 */
export async function think(input: ThinkInput): Promise<ThinkOutput> {
  const { emit } = input;
  const memory: ThreadMemory = { ...input.memory, shownSkus: [...input.memory.shownSkus] };
  const skillMessages: GraphMessage[] = [];
  const hooks = input.hooks ?? [];
  const toolResults: Json[] = hooks.map((h) => h.facts as Json);
  const summaries = new Map<string, SkillResult>();
  let buttons: Choices = { titles: [], listButton: null };
  let handoff: string | null = null;

  const tools = [...input.skills.toolsFor(input.agent), ...BUILT_IN_TOOLS];
  const instructions = input.instructions(tools.map((t) => t.name));
  const messages: ChatMessage[] = [
    { role: 'system', content: instructions },
    ...input.history,
    ...(hookFactsText(hooks) ? [{ role: 'system' as const, content: hookFactsText(hooks) as string }] : []),
    { role: 'user', content: input.userText ?? FOLLOW_UP_PROMPT },
  ];
  const context = {
    persona: input.agent.persona,
    agentName: input.agent.name,
    store: input.store,
    inbound: input.inbound,
    shopperName: input.contact.name,
    followUp: input.followUp,
    now: input.now.toISOString(),
    memory: { ...memory, shownSkus: [...memory.shownSkus] },
    ...(hooks.length ? { hooks } : {}),
  };

  let content: string | null;
  try {
    const result = await runToolLoop({
      model: input.model,
      messages,
      tools,
      context,
      ...(input.maxSteps ? { maxSteps: input.maxSteps } : {}),
      async execute(call, args) {
        if (call.name === TOOL.suggestReplies) {
          buttons = cleanButtons(args.buttons, args.listButton);
          return { content: JSON.stringify({ buttons: buttons.titles, ...(buttons.listButton ? { list: true } : {}) }) };
        }
        if (call.name === TOOL.handoff) {
          handoff = typeof args.reason === 'string' && args.reason.trim() ? args.reason.trim() : 'asked for a person';
          return { content: JSON.stringify({ handedOff: true }) };
        }
        const r = await input.skills.execute(call.name, args, {
          agent: input.agent, contact: input.contact, store: input.store, channel: input.channel, to: input.to, inboundId: input.inbound?.id ?? null, shownSkus: [...memory.shownSkus],
        });
        summaries.set(call.id, r);
        toolResults.push(r.result);
        if (r.messages) skillMessages.push(...r.messages);
        if (r.handoff) handoff = r.handoff.reason;
        rememberTool(memory, call.name, args, r);
        return { content: JSON.stringify(r.result) };
      },
      onModel({ response, ms, step }) {
        emit('THINKING', `${input.model.provider} ${response.model} step ${step}: ${response.toolCalls.length ? response.toolCalls.map((c) => c.name).join(', ') : 'answered'} (${Math.round(ms)} ms)`, {
          provider: input.model.provider, model: response.model, step, ms: Math.round(ms * 10) / 10, usage: response.usage, toolCalls: response.toolCalls.map((c) => c.name),
        });
      },
      onTool({ call, args, error, ms, thrown }) {
        const r = summaries.get(call.id);
        if (thrown !== undefined) emit('ERROR', `${call.name} failed unexpectedly: ${error ?? 'unknown error'}`, { reason: 'tool_error', tool: call.name, message: error });
        const summary = error ? `error: ${error}` : (r?.summary ?? (call.name === TOOL.suggestReplies ? buttons.titles.join(' | ') : call.name === TOOL.handoff ? `handed off: ${handoff ?? ''}` : 'done'));
        emit('TOOL', `${call.name} ${args ? JSON.stringify(args) : call.arguments} → ${summary}`, { name: call.name, args, summary, error, ms: Math.round(ms * 10) / 10, ...(r ? { result: r.result } : {}) });
      },
    });
    if (result.stoppedBy === 'step_limit') emit('ERROR', `the model did not answer within ${result.steps} steps`, { reason: 'step_limit', steps: result.steps });
    content = result.stoppedBy === 'answer' ? (result.content?.trim() ?? null) : FALLBACK_TEXT;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    emit('ERROR', `the model failed: ${message}`, { reason: 'model_error', message });
    content = FALLBACK_TEXT;
  }

  if (content && content !== FALLBACK_TEXT) {
    const check = input.factCheck(content, toolResults, input.userText ? { shopperText: input.userText } : {});
    if (!check.ok) {
      emit('ERROR', `unbacked amounts ${check.unbacked.map((n) => `₹${n.toLocaleString('en-IN')}`).join(', ')} replaced with a safe line`, { reason: 'unbacked_amount', unbacked: check.unbacked, original: content });
      content = UNBACKED_PRICE_TEXT;
      buttons = { titles: [], listButton: null };
    }
  }
  // A follow-up nobody asked for is better unsent than a fallback or "let me confirm the price".
  if (input.followUp && (content === FALLBACK_TEXT || content === UNBACKED_PRICE_TEXT)) return { messages: [], handoff, memory, instructions };
  if (!content && skillMessages.length === 0 && !handoff && !input.followUp) {
    emit('ERROR', 'the model gave no words and sent nothing', { reason: 'empty_answer' });
    content = FALLBACK_TEXT;
  }
  const out = [...skillMessages];
  if (content) out.push(finalMessage(input.to, content, buttons));
  return { messages: out, handoff, memory, instructions };
}
