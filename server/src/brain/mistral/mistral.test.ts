import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeMistral, type FakeChatMessage, type FakeMistral } from '../../../../test/helpers/fake-mistral.js';
import type { ChatMessage, ToolDefinition, TurnContext } from '../model.js';
import { runToolLoop } from '../tool-loop.js';
import { BAD_KEY_MESSAGE, createMistralModel, type MistralModelOptions } from './index.js';

let fake: FakeMistral;
beforeAll(async () => {
  fake = await startFakeMistral();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.chatCalls.length = 0;
  fake.respond(() => ({ content: 'OK' }));
});

const context: TurnContext = {
  persona: { tone: 50, tenacity: 50, emoji: 30, length: 40, languages: ['english'], instructions: '' },
  agentName: 'Aarav',
  store: { name: 'Test Jewellers', phone: '+919800000000', timeZone: 'Asia/Kolkata' },
  inbound: null,
  shopperName: null,
  now: '2026-12-01T10:00:00.000Z',
  memory: { lastQuery: null, shownSkus: [], focusSku: null, interested: false, optedOut: false, followUpsSent: 0 },
};
const tools: ToolDefinition[] = [
  {
    name: 'search_products',
    description: 'Search the catalog',
    parameters: { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] },
  },
];
const question: ChatMessage[] = [
  { role: 'system', content: 'You are Aarav, a jewellery salesman.' },
  { role: 'user', content: 'gold bangles under 50k?' },
];

const waits: number[] = [];
function model(extra: Partial<MistralModelOptions> = {}) {
  waits.length = 0;
  return createMistralModel({ apiKey: fake.apiKey, serverUrl: fake.url, sleep: async (ms) => void waits.push(ms), ...extra });
}
const lastMessage = (messages: FakeChatMessage[]) => messages[messages.length - 1];
const ask = (extra: Partial<MistralModelOptions> = {}) => model(extra).complete({ messages: question, tools, context });

describe('Mistral chat model against a local fake of the API', () => {
  it('completes a tool-call round trip through the tool loop', async () => {
    fake.respond((body) => {
      const last = lastMessage(body.messages);
      if (last?.role === 'user') return { toolCalls: [{ name: 'search_products', arguments: { query: 'gold bangles under 50k' } }] };
      const result = JSON.parse(String(last?.content)) as { count: number; prices: string[] };
      return { content: `I found ${result.count} bangles: ${result.prices.join(' and ')}.` };
    });
    const executed: unknown[] = [];
    const result = await runToolLoop({
      model: model(),
      messages: question,
      tools,
      context,
      execute: async (call, args) => {
        executed.push({ name: call.name, args });
        return { content: JSON.stringify({ count: 2, prices: ['₹42,000', '₹48,500'] }) };
      },
    });
    expect(result).toMatchObject({ content: 'I found 2 bangles: ₹42,000 and ₹48,500.', stoppedBy: 'answer', steps: 2 });
    expect(executed).toEqual([{ name: 'search_products', args: { query: 'gold bangles under 50k' } }]);
    expect(fake.chatCalls.map((c) => c.status)).toEqual([200, 200]);

    const [first, second] = fake.chatCalls.map((c) => c.body);
    expect(first).toMatchObject({ model: 'mistral-small-latest', tool_choice: 'auto' });
    expect(first?.tools).toEqual([{ type: 'function', function: { name: 'search_products', description: 'Search the catalog', parameters: tools[0]?.parameters } }]);
    expect(first?.messages).toEqual([
      { role: 'system', content: 'You are Aarav, a jewellery salesman.' },
      { role: 'user', content: 'gold bangles under 50k?' },
    ]);
    // The second request carries the assistant's call and the tool's answer, which the fake checked match.
    const id = second?.messages[2]?.tool_calls?.[0]?.id;
    expect(id).toMatch(/^[A-Za-z0-9]{9}$/);
    expect(second?.messages.slice(2)).toEqual([
      { role: 'assistant', content: '', tool_calls: [{ id, type: 'function', function: { name: 'search_products', arguments: '{"query":"gold bangles under 50k"}' }, index: 0 }], prefix: false },
      { role: 'tool', content: JSON.stringify({ count: 2, prices: ['₹42,000', '₹48,500'] }), tool_call_id: id, name: 'search_products' },
    ]);
  });

  it('sends history with non-Mistral tool call ids as ids the API accepts, still matched', async () => {
    const history: ChatMessage[] = [
      ...question,
      { role: 'assistant', content: null, toolCalls: [{ id: 'offline-call-1', name: 'search_products', arguments: '{"query":"gold bangle"}' }] },
      { role: 'tool', toolCallId: 'offline-call-1', name: 'search_products', content: '{"count":0}' },
    ];
    const res = await model().complete({ messages: history, tools, context });
    expect(res.content).toBe('OK');
    const sent = fake.chatCalls[0]?.body.messages ?? [];
    expect(fake.chatCalls[0]?.status).toBe(200);
    expect(sent[3]?.tool_call_id).toBe(sent[2]?.tool_calls?.[0]?.id);
  });

  it('leaves out an assistant message with no words and no calls, which the API refuses', async () => {
    const history: ChatMessage[] = [...question, { role: 'assistant', content: '' }, { role: 'user', content: 'hello?' }];
    expect((await model().complete({ messages: history, tools, context })).content).toBe('OK');
    expect(fake.chatCalls[0]?.body.messages.map((m) => m.role)).toEqual(['system', 'user', 'user']);
  });

  it('passes malformed tool arguments through; the loop feeds the error back and the model recovers', async () => {
    fake.respond((body, n) => {
      if (n === 0) return { toolCalls: [{ name: 'search_products', arguments: '{"query": "gold bang' }] };
      if (n === 1) return { toolCalls: [{ name: 'search_products', arguments: '{"query":"gold bangle"}' }] };
      return { content: 'Here they are.' };
    });
    const executed: unknown[] = [];
    const result = await runToolLoop({
      model: model(),
      messages: question,
      tools,
      context,
      execute: async (_call, args) => (executed.push(args), { content: '{"count":3}' }),
    });
    expect(result.content).toBe('Here they are.');
    expect(executed).toEqual([{ query: 'gold bangle' }]);
    const fedBack = lastMessage(fake.chatCalls[1]?.body.messages ?? []);
    expect(fedBack?.role).toBe('tool');
    expect(JSON.parse(String(fedBack?.content))).toEqual({ error: expect.stringMatching(/not valid JSON/) });
    expect(fake.chatCalls[1]?.body.messages[2]?.tool_calls?.[0]?.function.arguments).toBe('{"query": "gold bang');
  });

  it('records token usage, summed across the loop', async () => {
    fake.respond((_body, n) =>
      n === 0
        ? { toolCalls: [{ name: 'search_products', arguments: { query: 'nath' } }], usage: { promptTokens: 120, completionTokens: 15 } }
        : { content: 'One nath.', usage: { promptTokens: 180, completionTokens: 9 } },
    );
    const m = model();
    const single = await m.complete({ messages: question, tools, context });
    expect(single.usage).toEqual({ promptTokens: 120, completionTokens: 15 });
    expect(single.model).toBe('mistral-small-latest');
    fake.chatCalls.length = 0;
    const result = await runToolLoop({ model: m, messages: question, tools, context, execute: async () => ({ content: '{"count":1}' }) });
    expect(result.usage).toEqual({ promptTokens: 300, completionTokens: 24 });
  });

  it('retries a 429, honouring Retry-After, and counts the retry', async () => {
    const retries: (number | null)[] = [];
    fake.failNext(429);
    const res = await ask({ onRetry: (r) => retries.push(r.status) });
    expect(res.content).toBe('OK');
    expect(fake.chatCalls.map((c) => c.status)).toEqual([429, 200]);
    expect(retries).toEqual([429]);
    expect(waits).toEqual([0]);

    fake.chatCalls.length = 0;
    fake.respond((_body, n) => (n === 0 ? { status: 429, headers: { 'retry-after': '2' } } : { content: 'after the wait' }));
    expect((await ask()).content).toBe('after the wait');
    expect(waits).toEqual([2000]);
  });

  it('retries 5xx with growing backoff, then gives up after maxRetries with an explained error', async () => {
    fake.failNext(503, 503);
    expect((await ask({ backoffMs: 100 })).content).toBe('OK');
    expect(fake.chatCalls.map((c) => c.status)).toEqual([503, 503, 200]);
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(100);
    expect(waits[1]).toBeGreaterThanOrEqual(200);

    fake.chatCalls.length = 0;
    fake.failNext(502, 503, 502, 500);
    await expect(ask({ maxRetries: 3 })).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('HTTP 500') });
    expect(fake.chatCalls).toHaveLength(4);
  });

  it('does not retry a 400, and says what Mistral said', async () => {
    fake.respond(() => ({ status: 400, body: { object: 'error', message: 'Prompt contains 40000 tokens, too large for model', type: 'invalid_request_error', param: null, code: null } }));
    await expect(ask()).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/HTTP 400: Prompt contains 40000 tokens/) });
    expect(fake.chatCalls).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('times out a request that hangs, without retrying it', async () => {
    fake.respond(() => new Promise((resolve) => setTimeout(() => resolve({ content: 'too late' }), 5_000)));
    await expect(ask({ timeoutMs: 200 })).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/did not answer within 0\.2 s/) });
    expect(fake.chatCalls).toHaveLength(1);
  });

  it("ends at once when the caller's signal aborts", async () => {
    fake.respond(() => new Promise((resolve) => setTimeout(() => resolve({ content: 'too late' }), 5_000)));
    const controller = new AbortController();
    const pending = model().complete({ messages: question, tools, context, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('turn cancelled')), 50);
    await expect(pending).rejects.toThrow('turn cancelled');
    expect(fake.chatCalls).toHaveLength(1);
  });

  it('explains a wrong key and does not retry it', async () => {
    const before = fake.requests;
    await expect(model({ apiKey: 'wrong-key' }).complete({ messages: question, tools, context })).rejects.toMatchObject({ code: 'unavailable', message: BAD_KEY_MESSAGE });
    expect(fake.requests - before).toBe(1);
  });
});

describe('the fake refuses what the real API refuses', () => {
  const post = (body: unknown) =>
    fetch(`${fake.url}/v1/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${fake.apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const user = { role: 'user', content: 'hi' };
  const call = { id: 'abcDEF123', type: 'function', function: { name: 'search_products', arguments: '{}' } };

  it.each([
    ['no model', { messages: [user] }, 422, /model/],
    ['no messages', { model: 'm', messages: [] }, 422, /at least 1/],
    ['an unknown role', { model: 'm', messages: [{ role: 'shopper', content: 'hi' }] }, 422, /role/],
    ['camelCase fields', { model: 'm', messages: [user, { role: 'assistant', content: '', tool_calls: [call] }, { role: 'tool', content: '{}', toolCallId: 'abcDEF123' }] }, 422, /toolCallId.*Extra/],
    ['a bad tool call id', { model: 'm', messages: [user, { role: 'assistant', content: '', tool_calls: [{ ...call, id: 'call_1' }] }] }, 422, /length of 9/],
    ['a tool result for no call', { model: 'm', messages: [user, { role: 'tool', content: '{}', tool_call_id: 'zzzzzzzzz', name: 'x' }] }, 400, /Unexpected tool call id/],
    ['an unanswered call', { model: 'm', messages: [user, { role: 'assistant', content: '', tool_calls: [call] }, user] }, 400, /same number/],
    ['an assistant last', { model: 'm', messages: [user, { role: 'assistant', content: 'hello' }] }, 400, /Expected last role/],
    ['a tool without parameters', { model: 'm', messages: [user], tools: [{ type: 'function', function: { name: 'x' } }] }, 422, /parameters/],
    ['a tool of the wrong type', { model: 'm', messages: [user], tools: [{ function: { name: 'x', parameters: {} } }] }, 422, /type/],
  ])('refuses %s', async (_name, body, status, why) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    expect(fake.chatCalls[fake.chatCalls.length - 1]?.error).toMatch(why);
    expect(await res.json()).toMatchObject({ object: 'error' });
  });

  it('serves a well-formed conversation', async () => {
    const res = await post({ model: 'm', messages: [user, { role: 'assistant', content: '', tool_calls: [call] }, { role: 'tool', content: '{}', tool_call_id: 'abcDEF123', name: 'search_products' }] });
    expect(res.status).toBe(200);
  });
});
