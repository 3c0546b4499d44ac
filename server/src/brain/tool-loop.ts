import { DomainError } from '../shared/errors.js';
import type { ChatMessage, Model, ModelResponse, TokenUsage, ToolCall, ToolDefinition, TurnContext } from './model.js';

/** Model calls per turn unless the caller says otherwise. */
export const DEFAULT_MAX_STEPS = 6;

/** What the model reads when a tool failed for a reason the shopper must not see. */
export const TOOL_FAILED_TEXT = 'The tool failed unexpectedly. Do not guess its result: say you will check and get back, or offer a human.';

export interface ToolLoopOptions {
  model: Model;
  /** System instructions and history, ending with the message to answer. Not modified. */
  messages: ChatMessage[];
  tools: ToolDefinition[];
  context: TurnContext;
  /** Runs one call whose arguments parsed as a JSON object. Throw a DomainError to tell the model why. */
  execute(call: ToolCall, args: Record<string, unknown>): Promise<{ content: string }>;
  /** Model calls at most (default 6). */
  maxSteps?: number;
  signal?: AbortSignal;
  onModel?(r: { response: ModelResponse; ms: number; step: number }): void;
  /**
   * After each call, run or refused. `error` is what went wrong (null on success); `thrown` is the
   * executor's exception when it threw something other than a DomainError: the caller logs it,
   * the model only sees a generic text.
   */
  onTool?(t: { call: ToolCall; args: Record<string, unknown> | null; content: string; error: string | null; ms: number; thrown?: unknown }): void;
}

export interface ToolLoopResult {
  /** The model's final words; null when the step limit stopped it. */
  content: string | null;
  stoppedBy: 'answer' | 'step_limit';
  /** Model calls made. */
  steps: number;
  /** Summed over every model call. */
  usage: TokenUsage;
  /** This turn's assistant and tool messages, in order (append to the history to continue). */
  transcript: ChatMessage[];
}

const errorContent = (message: string) => JSON.stringify({ error: message });

/** Parses a call's arguments: a JSON object, or an empty string meaning "no arguments". */
function parseArguments(raw: string): { args: Record<string, unknown> } | { error: string } {
  if (raw.trim() === '') return { args: {} };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    return { error: `The arguments are not valid JSON (${(err as Error).message}). Call the tool again with a JSON object.` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { error: 'The arguments must be a JSON object. Call the tool again with a JSON object.' };
  }
  return { args: value as Record<string, unknown> };
}

/**
 * The tool loop both providers share: ask the model; run the tools it calls (in order) and feed
 * each result back; repeat until it answers in words or the step limit is reached. Bad calls
 * (unknown tool, malformed arguments, a failing executor) go back to the model as
 * `{"error":"…"}` so it can correct itself; the executor never sees them. Model errors propagate.
 */
export async function runToolLoop(opts: ToolLoopOptions): Promise<ToolLoopResult> {
  const maxSteps = Math.max(1, opts.maxSteps ?? DEFAULT_MAX_STEPS);
  const known = new Set(opts.tools.map((t) => t.name));
  const transcript: ChatMessage[] = [];
  const usage: TokenUsage = { promptTokens: 0, completionTokens: 0 };

  for (let step = 1; ; step += 1) {
    opts.signal?.throwIfAborted();
    const started = performance.now();
    const response = await opts.model.complete({
      messages: [...opts.messages, ...transcript],
      tools: opts.tools,
      context: opts.context,
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    opts.onModel?.({ response, ms: performance.now() - started, step });
    usage.promptTokens += response.usage.promptTokens;
    usage.completionTokens += response.usage.completionTokens;

    if (response.toolCalls.length === 0) {
      transcript.push({ role: 'assistant', content: response.content });
      return { content: response.content, stoppedBy: 'answer', steps: step, usage, transcript };
    }

    transcript.push({ role: 'assistant', content: response.content, toolCalls: response.toolCalls });
    const lastStep = step >= maxSteps;
    for (const call of response.toolCalls) {
      // Every call gets its answer, so the transcript stays a valid conversation for the next turn.
      const answer = lastStep
        ? refuse(call, null, 'Step limit reached: this call was not run.')
        : await runCall(opts, known, call);
      transcript.push({ role: 'tool', toolCallId: call.id, name: call.name, content: answer.content });
      opts.onTool?.(answer);
    }
    if (lastStep) return { content: null, stoppedBy: 'step_limit', steps: step, usage, transcript };
  }
}

type ToolEvent = Parameters<NonNullable<ToolLoopOptions['onTool']>>[0];

function refuse(call: ToolCall, args: Record<string, unknown> | null, error: string, ms = 0): ToolEvent {
  return { call, args, content: errorContent(error), error, ms };
}

async function runCall(opts: ToolLoopOptions, known: Set<string>, call: ToolCall): Promise<ToolEvent> {
  if (!known.has(call.name)) {
    return refuse(call, null, `There is no tool named "${call.name}". Use one of: ${[...known].join(', ') || 'none'}.`);
  }
  const parsed = parseArguments(call.arguments);
  if ('error' in parsed) return refuse(call, null, parsed.error);
  opts.signal?.throwIfAborted();
  const started = performance.now();
  try {
    const { content } = await opts.execute(call, parsed.args);
    return { call, args: parsed.args, content, error: null, ms: performance.now() - started };
  } catch (err) {
    const ms = performance.now() - started;
    if (err instanceof DomainError) return refuse(call, parsed.args, err.message, ms);
    const event = refuse(call, parsed.args, TOOL_FAILED_TEXT, ms);
    return { ...event, error: err instanceof Error ? err.message : String(err), thrown: err };
  }
}
