import type { Persona, InboundMessage, StoreProfile } from '../contracts/index.js';

/**
 * The one model interface both providers implement (Mistral and the offline brain). The wire
 * shape follows OpenAI/Mistral chat completions with function calling; the offline provider reads
 * the same messages (and the structured `context`) and answers deterministically.
 */

/** A tool the model may call: JSON Schema parameters, as Mistral's `tools[].function` wants them. */
export interface ToolDefinition {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

export interface ToolCall {
  id: string;
  name: string;
  /** The arguments as the model sent them: a JSON string, possibly malformed. */
  arguments: string;
}

export type ChatMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string | null; toolCalls?: ToolCall[] }
  /** A tool's result (JSON text) answering the call with `toolCallId`. */
  | { role: 'tool'; toolCallId: string; name: string; content: string };

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

/** What the turn is about, for a provider that reasons on structure rather than prose (the offline brain). */
export interface TurnContext {
  persona: Persona;
  agentName: string;
  store: Pick<StoreProfile, 'name' | 'phone' | 'timeZone'> & Partial<StoreProfile>;
  /** The shopper's message being answered, normalised as the webhook parser gives it. */
  inbound: InboundMessage | null;
  /** The shopper's name when WhatsApp gave one. */
  shopperName: string | null;
  /** Whether this is a scheduled follow-up (no new inbound message) rather than a reply. */
  followUp?: boolean;
  /** Store time now, ISO-8601 UTC (tests fix it); show it in `store.timeZone`. */
  now: string;
  /** What the thread remembers across turns (the engine updates it from tool results). */
  memory: ThreadMemory;
  /** What the engine's inbound hooks made of the message (e.g. an order with its lines and total): facts to answer with. */
  hooks?: { kind: string; summary: string; facts: Record<string, unknown> }[];
}

/** A thread's working memory, kept by the engine from what the tools did. */
export interface ThreadMemory {
  /** The last product query searched: "show more", "cheaper ones", "in 18K" refine it. */
  lastQuery: string | null;
  /** SKUs shown to the shopper, newest first (at most 60). */
  shownSkus: string[];
  /** The product being talked about: a referred product (reply to a product message) or the last single product shown. */
  focusSku: string | null;
  /** The shopper asked about products or prices: a follow-up candidate. */
  interested: boolean;
  /** The shopper said no / stop / not interested: never follow up. */
  optedOut: boolean;
  /** Follow-ups sent since the shopper last wrote. */
  followUpsSent: number;
  /** The first day (YYYY-MM-DD, store time) of the free times last offered: a time typed next is on that day. */
  offeredDate?: string | null;
}

export interface ModelRequest {
  messages: ChatMessage[];
  tools: ToolDefinition[];
  context: TurnContext;
  signal?: AbortSignal;
}

export interface ModelResponse {
  /** Final words to the shopper (null when only calling tools). */
  content: string | null;
  toolCalls: ToolCall[];
  usage: TokenUsage;
  /** e.g. "offline-1" or "mistral-small-latest". */
  model: string;
}

export interface Model {
  readonly provider: 'offline' | 'mistral';
  complete(request: ModelRequest): Promise<ModelResponse>;
}
