import type { ChatCompletionRequest, ChatCompletionResponse } from '@mistralai/mistralai/models/components';
import type { ChatMessage, ToolCall, ToolDefinition } from '../model.js';

/**
 * ChatMessage ↔ the Mistral SDK (camelCase here; the SDK writes snake_case on the wire).
 * Types only are imported: the SDK itself is loaded on first use.
 */

type SdkMessage = ChatCompletionRequest['messages'][number];
type SdkTool = NonNullable<ChatCompletionRequest['tools']>[number];

/** Mistral accepts tool call ids of exactly 9 letters and digits. */
const MISTRAL_ID = /^[A-Za-z0-9]{9}$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A Mistral-acceptable id for any id (the offline brain's, or one from an older thread): kept when
 * already valid, else a stable 9-character hash of it, so an assistant call and its tool answer
 * still match.
 */
export function mistralToolCallId(id: string): string {
  if (MISTRAL_ID.test(id)) return id;
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < id.length; i += 1) {
    const c = id.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  let out = '';
  for (let i = 0; i < 9; i += 1) {
    const source = i < 5 ? h1 : h2;
    out += ALPHABET[(source >>> ((i % 5) * 6)) % ALPHABET.length];
  }
  return out;
}

/**
 * The conversation as the SDK takes it. An assistant message with neither words nor tool calls is
 * left out: the API refuses one ("must have either content or tool_calls").
 */
export function toSdkMessages(messages: ChatMessage[]): SdkMessage[] {
  const kept = messages.filter((m) => !(m.role === 'assistant' && !m.content && !m.toolCalls?.length));
  return kept.map((m): SdkMessage => {
    switch (m.role) {
      case 'system':
        return { role: 'system', content: m.content };
      case 'user':
        return { role: 'user', content: m.content };
      case 'assistant':
        // Mistral's own responses carry "" beside tool calls; sending the same shape back is what its docs do.
        return m.toolCalls?.length
          ? {
              role: 'assistant',
              content: m.content ?? '',
              toolCalls: m.toolCalls.map((c) => ({ id: mistralToolCallId(c.id), type: 'function', function: { name: c.name, arguments: c.arguments } })),
            }
          : { role: 'assistant', content: m.content ?? '' };
      case 'tool':
        return { role: 'tool', content: m.content, toolCallId: mistralToolCallId(m.toolCallId), name: m.name };
    }
  });
}

export function toSdkTools(tools: ToolDefinition[]): SdkTool[] {
  return tools.map((t) => ({ type: 'function', function: { name: t.name, description: t.description, parameters: t.parameters } }));
}

/** The first choice's words (text chunks joined) and tool calls; arguments stay text, malformed or not. */
export function fromSdkResponse(res: ChatCompletionResponse): { content: string | null; toolCalls: ToolCall[] } {
  const message = res.choices[0]?.message;
  const raw = message?.content;
  let content: string | null = null;
  if (typeof raw === 'string') content = raw;
  else if (Array.isArray(raw)) content = raw.map((chunk) => (chunk.type === 'text' ? chunk.text : '')).join('');
  const toolCalls = (message?.toolCalls ?? []).map(
    (c, i): ToolCall => ({
      id: c.id && c.id !== 'null' ? c.id : `call${String(i).padStart(5, '0')}`,
      name: c.function.name,
      arguments: typeof c.function.arguments === 'string' ? c.function.arguments : JSON.stringify(c.function.arguments),
    }),
  );
  return { content: content === '' && toolCalls.length > 0 ? null : content, toolCalls };
}
