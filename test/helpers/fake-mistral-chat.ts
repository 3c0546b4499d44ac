/**
 * The chat-completions half of the fake Mistral: the request checks the real API makes, and a
 * responder that behaves like a sales model for the provider contract suite.
 */

/** A chat message as it arrives on the wire (snake_case). */
export interface FakeChatMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content?: unknown;
  tool_calls?: { id: string; type?: string; function: { name: string; arguments: unknown } }[] | null;
  tool_call_id?: string;
  name?: string;
  prefix?: boolean;
}

export interface FakeChatRequest {
  model: string;
  messages: FakeChatMessage[];
  tools?: { type: 'function'; function: { name: string; description?: string; parameters: Record<string, unknown> } }[] | null;
  tool_choice?: unknown;
  [key: string]: unknown;
}

export interface ChatProblem {
  status: number;
  message: string;
  body: unknown;
}

/** The request fields the API knows (it forbids others: "Extra inputs are not permitted"). */
const REQUEST_KEYS = new Set([
  'model', 'temperature', 'top_p', 'max_tokens', 'stream', 'stop', 'random_seed', 'metadata', 'messages', 'response_format', 'tools', 'tool_choice',
  'presence_penalty', 'frequency_penalty', 'n', 'prediction', 'parallel_tool_calls', 'reasoning_effort', 'prompt_mode', 'guardrails', 'prompt_cache_key',
  'service_tier', 'safe_prompt',
]);
const MESSAGE_KEYS: Record<string, Set<string>> = {
  system: new Set(['role', 'content']),
  user: new Set(['role', 'content']),
  assistant: new Set(['role', 'content', 'tool_calls', 'prefix']),
  tool: new Set(['role', 'content', 'tool_call_id', 'name']),
};
const TOOL_CALL_ID = /^[A-Za-z0-9]{9}$/;
const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isContent = (v: unknown) => typeof v === 'string' || Array.isArray(v);

/** Mistral's 422: a pydantic-style detail list inside an error object. */
function invalid(loc: (string | number)[], msg: string, type = 'value_error', input: unknown = null): ChatProblem {
  return {
    status: 422,
    message: `${loc.join('.')}: ${msg}`,
    body: { object: 'error', message: { detail: [{ type, loc: ['body', ...loc], msg, input }] }, type: 'invalid_request_error', param: null, code: null },
  };
}

/** Mistral's 400 for a conversation that does not hold together. */
function order(message: string): ChatProblem {
  return { status: 400, message, body: { object: 'error', message, type: 'invalid_request_message_order', param: null, code: '3230' } };
}

function checkMessage(m: unknown, i: number): ChatProblem | null {
  if (!isObject(m)) return invalid(['messages', i], 'Input should be a valid dictionary', 'dict_type', m);
  const keys = MESSAGE_KEYS[String(m.role)];
  if (!keys) return invalid(['messages', i, 'role'], "Input should be 'system', 'user', 'assistant' or 'tool'", 'literal_error', m.role);
  for (const k of Object.keys(m)) if (!keys.has(k)) return invalid(['messages', i, k], 'Extra inputs are not permitted', 'extra_forbidden', m[k]);
  if (m.role === 'system' || m.role === 'user') {
    if (!isContent(m.content)) return invalid(['messages', i, 'content'], 'Field required', 'missing');
  }
  if (m.role === 'tool') {
    if (!isContent(m.content)) return invalid(['messages', i, 'content'], 'Input should be a valid string', 'string_type', m.content);
    if (typeof m.tool_call_id !== 'string') return invalid(['messages', i, 'tool_call_id'], 'Field required', 'missing');
    if (m.name !== undefined && m.name !== null && typeof m.name !== 'string') return invalid(['messages', i, 'name'], 'Input should be a valid string', 'string_type', m.name);
  }
  if (m.role === 'assistant') {
    if (m.content !== undefined && m.content !== null && !isContent(m.content)) return invalid(['messages', i, 'content'], 'Input should be a valid string', 'string_type', m.content);
    const calls = m.tool_calls;
    if (calls !== undefined && calls !== null) {
      if (!Array.isArray(calls)) return invalid(['messages', i, 'tool_calls'], 'Input should be a valid list', 'list_type', calls);
      for (const [j, c] of (calls as unknown[]).entries()) {
        if (!isObject(c) || !isObject(c.function)) return invalid(['messages', i, 'tool_calls', j, 'function'], 'Field required', 'missing');
        if (typeof c.id !== 'string' || !TOOL_CALL_ID.test(c.id)) {
          return invalid(['messages', i, 'tool_calls', j, 'id'], `Tool call id was ${String(c.id)} but must be a-z, A-Z, 0-9, with a length of 9.`);
        }
        if (c.type !== undefined && c.type !== 'function') return invalid(['messages', i, 'tool_calls', j, 'type'], "Input should be 'function'", 'literal_error', c.type);
        if (typeof c.function.name !== 'string') return invalid(['messages', i, 'tool_calls', j, 'function', 'name'], 'Field required', 'missing');
        const args = c.function.arguments;
        if (typeof args !== 'string' && !isObject(args)) return invalid(['messages', i, 'tool_calls', j, 'function', 'arguments'], 'Input should be a valid string', 'string_type', args);
      }
    }
    const hasContent = typeof m.content === 'string' ? m.content.length > 0 : Array.isArray(m.content) && m.content.length > 0;
    if (!hasContent && !(Array.isArray(calls) && calls.length > 0)) return order('Assistant message must have either content or tool_calls, but not none.');
  }
  return null;
}

/** Tool calls and their answers: each result answers an open call, right after it; every call is answered. */
function checkConversation(messages: FakeChatMessage[]): ChatProblem | null {
  const open = new Set<string>();
  const issued = new Set<string>();
  for (const [i, m] of messages.entries()) {
    if (m.role === 'tool') {
      const id = m.tool_call_id ?? '';
      if (!issued.has(id)) return order(`Unexpected tool call id ${id} in tool results (message ${i})`);
      if (!open.has(id)) return order(`Tool call id ${id} was answered twice or out of order (message ${i})`);
      open.delete(id);
      continue;
    }
    if (open.size > 0) return order('Not the same number of function calls and responses');
    if (m.role === 'assistant') {
      for (const c of m.tool_calls ?? []) {
        issued.add(c.id);
        open.add(c.id);
      }
    }
  }
  if (open.size > 0) return order('Not the same number of function calls and responses');
  const last = messages[messages.length - 1];
  if (last && last.role !== 'user' && last.role !== 'tool' && !(last.role === 'assistant' && last.prefix === true)) {
    return order(`Expected last role User or Tool (or Assistant with prefix True) for serving but got ${last.role}`);
  }
  return null;
}

function checkTools(tools: unknown): ChatProblem | null {
  if (tools === undefined || tools === null) return null;
  if (!Array.isArray(tools)) return invalid(['tools'], 'Input should be a valid list', 'list_type', tools);
  for (const [i, t] of (tools as unknown[]).entries()) {
    if (!isObject(t)) return invalid(['tools', i], 'Input should be a valid dictionary', 'dict_type', t);
    if (t.type !== 'function') return invalid(['tools', i, 'type'], "Input should be 'function'", 'literal_error', t.type);
    const f = t.function;
    if (!isObject(f)) return invalid(['tools', i, 'function'], 'Field required', 'missing');
    if (typeof f.name !== 'string' || !FUNCTION_NAME.test(f.name)) return invalid(['tools', i, 'function', 'name'], 'Function name must be a-z, A-Z, 0-9, _ or -, at most 64 long', 'value_error', f.name);
    if (f.description !== undefined && typeof f.description !== 'string') return invalid(['tools', i, 'function', 'description'], 'Input should be a valid string', 'string_type', f.description);
    if (!isObject(f.parameters)) return invalid(['tools', i, 'function', 'parameters'], 'Input should be a valid dictionary', 'dict_type', f.parameters);
    for (const k of Object.keys(f)) if (!['name', 'description', 'parameters', 'strict'].includes(k)) return invalid(['tools', i, 'function', k], 'Extra inputs are not permitted', 'extra_forbidden');
  }
  return null;
}

/** What the real API would refuse in a chat request, or null when it would serve it. */
export function checkChatRequest(body: unknown): ChatProblem | null {
  if (!isObject(body)) return invalid([], 'Input should be a valid dictionary', 'model_attributes_type', body);
  for (const k of Object.keys(body)) if (!REQUEST_KEYS.has(k)) return invalid([k], 'Extra inputs are not permitted', 'extra_forbidden', body[k]);
  if (typeof body.model !== 'string' || body.model === '') return invalid(['model'], 'Field required', 'missing');
  if (!Array.isArray(body.messages) || body.messages.length === 0) return invalid(['messages'], 'List should have at least 1 item after validation, not 0', 'too_short', body.messages);
  for (const [i, m] of (body.messages as unknown[]).entries()) {
    const problem = checkMessage(m, i);
    if (problem) return problem;
  }
  const tc = body.tool_choice;
  if (tc !== undefined && tc !== null && !isObject(tc) && !['auto', 'none', 'any', 'required'].includes(String(tc))) {
    return invalid(['tool_choice'], "Input should be 'auto', 'none', 'any' or 'required'", 'enum', tc);
  }
  return checkTools(body.tools) ?? checkConversation(body.messages as FakeChatMessage[]);
}

const GREETING = /^\s*(hi+|hello+|hey+|namaste|namaskar|hii+|good (morning|afternoon|evening))\b[\s!.,]*(there|ji)?[\s!.]*$/i;
const THANKS = /\b(thank(s| you)?|thx|shukriya|dhanyavaad|dhanyavad)\b/i;
const HUMAN = /\b(human|real person|a person|someone|staff|manager|call me|talk to (a|the) (person|team))\b/i;

const text = (content: unknown): string =>
  typeof content === 'string' ? content : Array.isArray(content) ? content.map((c) => (c as { text?: string }).text ?? '').join('') : '';

function parse(content: unknown): Record<string, unknown> {
  try {
    const v = JSON.parse(text(content)) as unknown;
    return isObject(v) ? v : {};
  } catch {
    return {};
  }
}

/**
 * A fake that behaves like a sales model with function calling, reading only the conversation it
 * is sent (as the real one must): a greeting or thanks → words; "talk to a human" → handoff_to_human; any
 * other message → search_products with the shopper's words, then send_products with the SKUs
 * found, then an answer naming the count and the `priceText`s the tools returned.
 */
export function salesAssistantResponder(): (body: FakeChatRequest) => { content?: string; toolCalls?: { name: string; arguments: object }[] } {
  return (body) => {
    const tools = new Set((body.tools ?? []).map((t) => t.function.name));
    const lastUser = body.messages.map((m) => m.role).lastIndexOf('user');
    const said = text(body.messages[lastUser]?.content).trim();
    const results = new Map<string, Record<string, unknown>>();
    for (const m of body.messages.slice(lastUser + 1)) if (m.role === 'tool') results.set(m.name ?? '', parse(m.content));

    if (results.size === 0) {
      if (HUMAN.test(said) && tools.has('handoff_to_human')) return { toolCalls: [{ name: 'handoff_to_human', arguments: { reason: 'The shopper asked for a person' } }] };
      if (THANKS.test(said) && said.split(/\s+/).length <= 4) return { content: 'You are most welcome! Message me any time you want to see more designs.' };
      if (GREETING.test(said)) return { content: 'Namaste! Welcome. What are you looking for today: rings, bangles, necklaces?' };
      if (tools.has('search_products')) return { toolCalls: [{ name: 'search_products', arguments: { query: said } }] };
      return { content: 'How can I help you today?' };
    }
    if (results.has('handoff_to_human')) return { content: 'I have asked a colleague from the store to help you. They will reply here shortly.' };
    const search = results.get('search_products');
    if (search && 'error' in search) return { content: 'Sorry, I could not search the catalog just now. Let me check and get back to you.' };
    const products = (Array.isArray(search?.products) ? search.products : []) as { sku: string; priceText: string }[];
    if (search && products.length === 0) return { content: `I could not find anything matching "${said}". Could you tell me more about what you would like?` };
    if (search && !results.has('send_products') && tools.has('send_products')) {
      return { toolCalls: [{ name: 'send_products', arguments: { skus: products.slice(0, 10).map((p) => p.sku) } }] };
    }
    const sent = results.get('send_products');
    const shown = products.slice(0, typeof sent?.sent === 'number' ? sent.sent : products.length);
    return { content: `I found ${products.length} pieces for you: ${shown.map((p) => p.priceText).join(', ')}. Would you like to visit the store to see them?` };
  };
}
