import type { ChatMessage, ModelRequest, ToolCall } from '../model.js';

/** One tool call made earlier in this turn, with its parsed result (null while unanswered or unreadable). */
export interface DoneCall {
  name: string;
  args: Record<string, unknown>;
  /** The parsed JSON result; null when it failed or could not be read. */
  result: Record<string, unknown> | null;
  /** The tool's `{"error": …}` message, when it failed. */
  error: string | null;
}

/** What the offline brain asks for next: tool calls, or its final words. */
export type Step = { calls: { name: string; args: Record<string, unknown> }[] } | { content: string };

/**
 * The current turn as the tool loop presents it: everything after the last message that ended a
 * turn (a user message, or an assistant answer without tool calls), so a follow-up turn with no
 * new user message does not re-read the previous turn's calls.
 */
export class Turn {
  readonly done: DoneCall[] = [];
  readonly tools: Set<string>;
  /** The last user message's words (the inbound text normally comes from `context.inbound`). */
  readonly userText: string;
  /** The agent's last words before this turn (what a bare "yes" answers). */
  readonly lastAgentText: string;
  private readonly callCount: number;

  constructor(request: ModelRequest) {
    this.tools = new Set(request.tools.map((t) => t.name));
    const msgs = request.messages;
    let start = msgs.length;
    while (start > 0) {
      const m = msgs[start - 1] as ChatMessage;
      if (m.role === 'user' || m.role === 'system' || (m.role === 'assistant' && !m.toolCalls?.length)) break;
      start -= 1;
    }
    const lastUser = [...msgs].reverse().find((m) => m.role === 'user');
    this.userText = lastUser?.role === 'user' ? lastUser.content : '';
    const before = msgs.slice(0, start).filter((m) => m.role === 'assistant' && m.content);
    const lastAgent = before[before.length - 1];
    this.lastAgentText = lastAgent?.role === 'assistant' ? (lastAgent.content ?? '') : '';
    const calls: ToolCall[] = [];
    const answers = new Map<string, string>();
    for (const m of msgs.slice(start)) {
      if (m.role === 'assistant' && m.toolCalls) calls.push(...m.toolCalls);
      if (m.role === 'tool') answers.set(m.toolCallId, m.content);
    }
    this.callCount = calls.length;
    for (const call of calls) {
      const parsed = parseJson(answers.get(call.id));
      const error = parsed && typeof parsed.error === 'string' ? parsed.error : parsed ? null : 'no result';
      this.done.push({ name: call.name, args: parseJson(call.arguments) ?? {}, result: error ? null : parsed, error });
    }
  }

  has(tool: string): boolean {
    return this.tools.has(tool);
  }

  /** Whether the tool was already called this turn (answered or not). */
  called(tool: string): boolean {
    return this.done.some((d) => d.name === tool);
  }

  /** The latest result of a tool this turn, typed as the tool contract says; null if not called or failed. */
  result<T>(tool: string): T | null {
    const d = [...this.done].reverse().find((x) => x.name === tool);
    return (d?.result as T | undefined) ?? null;
  }

  /** Ids unique within the turn: call_1, call_2, … */
  toCalls(step: Extract<Step, { calls: unknown }>): ToolCall[] {
    return step.calls.map((c, k) => ({ id: `call_${this.callCount + k + 1}`, name: c.name, arguments: JSON.stringify(c.args) }));
  }
}

function parseJson(text: string | undefined): Record<string, unknown> | null {
  if (text === undefined) return null;
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export const call = (name: string, args: Record<string, unknown> = {}): Step => ({ calls: [{ name, args }] });
export const say = (content: string): Step => ({ content });
