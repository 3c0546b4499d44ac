import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import type { ChatMessage, Model, ModelRequest, ModelResponse, ToolCall, ToolDefinition, TurnContext } from './model.js';
import { runToolLoop, TOOL_FAILED_TEXT, type ToolLoopOptions } from './tool-loop.js';

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
  { name: 'search_products', description: 'Search', parameters: { type: 'object', properties: { query: { type: 'string' } } } },
  { name: 'store_info', description: 'Store info', parameters: { type: 'object', properties: {} } },
];

const messages: ChatMessage[] = [
  { role: 'system', content: 'You sell jewellery.' },
  { role: 'user', content: 'gold bangles' },
];

type Step = { content?: string | null; calls?: [name: string, args: string][] };

/** A model that answers from a script and keeps every request it was given. */
function scripted(steps: Step[]): Model & { requests: ModelRequest[] } {
  const requests: ModelRequest[] = [];
  let n = 0;
  return {
    provider: 'offline',
    requests,
    complete(request) {
      requests.push({ ...request, messages: [...request.messages] });
      const step = steps[n];
      n += 1;
      if (!step) throw new Error('script exhausted');
      const response: ModelResponse = {
        content: step.content ?? null,
        toolCalls: (step.calls ?? []).map(([name, args], i): ToolCall => ({ id: `c${n}x${i}`, name, arguments: args })),
        usage: { promptTokens: 10 * n, completionTokens: n },
        model: 'scripted',
      };
      return Promise.resolve(response);
    },
  };
}

function loop(model: Model, execute: ToolLoopOptions['execute'], extra: Partial<ToolLoopOptions> = {}) {
  return runToolLoop({ model, messages, tools, context, execute, ...extra });
}

describe('runToolLoop', () => {
  it('runs the calls in order, feeds results back and returns the final words with summed usage', async () => {
    const model = scripted([
      { calls: [['search_products', '{"query":"gold bangle"}'], ['store_info', '{}']] },
      { content: 'We have 2 gold bangles.' },
    ]);
    const ran: string[] = [];
    const result = await loop(model, async (call, args) => {
      ran.push(`${call.name}:${JSON.stringify(args)}`);
      return { content: JSON.stringify({ tool: call.name, count: 2 }) };
    });
    expect(ran).toEqual(['search_products:{"query":"gold bangle"}', 'store_info:{}']);
    expect(result).toMatchObject({ content: 'We have 2 gold bangles.', stoppedBy: 'answer', steps: 2 });
    expect(result.usage).toEqual({ promptTokens: 10 + 20, completionTokens: 1 + 2 });
    // The second request is the original conversation plus the assistant's calls and both answers.
    const second = model.requests[1]?.messages ?? [];
    expect(second.slice(0, 2)).toEqual(messages);
    expect(second.slice(2)).toEqual([
      { role: 'assistant', content: null, toolCalls: [{ id: 'c1x0', name: 'search_products', arguments: '{"query":"gold bangle"}' }, { id: 'c1x1', name: 'store_info', arguments: '{}' }] },
      { role: 'tool', toolCallId: 'c1x0', name: 'search_products', content: '{"tool":"search_products","count":2}' },
      { role: 'tool', toolCallId: 'c1x1', name: 'store_info', content: '{"tool":"store_info","count":2}' },
    ]);
    expect(result.transcript).toEqual([...second.slice(2), { role: 'assistant', content: 'We have 2 gold bangles.' }]);
    expect(messages).toHaveLength(2);
  });

  it('answers malformed or non-object arguments with an error and never runs the executor on them', async () => {
    const model = scripted([
      { calls: [['search_products', '{"query": "gold bangle"']] },
      { calls: [['search_products', '["gold"]']] },
      { calls: [['search_products', '{"query":"gold bangle"}']] },
      { content: 'Found them.' },
    ]);
    const executed: unknown[] = [];
    const events: { error: string | null; args: unknown }[] = [];
    const result = await loop(model, async (_call, args) => (executed.push(args), { content: '{"count":1}' }), {
      onTool: (t) => events.push({ error: t.error, args: t.args }),
    });
    expect(executed).toEqual([{ query: 'gold bangle' }]);
    expect(result.content).toBe('Found them.');
    const toolMessages = result.transcript.filter((m) => m.role === 'tool').map((m) => JSON.parse(m.content) as { error?: string });
    expect(toolMessages[0]?.error).toMatch(/not valid JSON/);
    expect(toolMessages[1]?.error).toMatch(/must be a JSON object/);
    expect(toolMessages[2]).toEqual({ count: 1 });
    expect(events.map((e) => e.args)).toEqual([null, null, { query: 'gold bangle' }]);
  });

  it('refuses a tool the agent does not have', async () => {
    const model = scripted([{ calls: [['apply_discount', '{"percent":50}']] }, { content: 'No discounts, sorry.' }]);
    let ran = false;
    const result = await loop(model, async () => ((ran = true), { content: '{}' }));
    expect(ran).toBe(false);
    const answer = result.transcript[1];
    expect(answer).toMatchObject({ role: 'tool', name: 'apply_discount' });
    expect(JSON.parse((answer as { content: string }).content)).toEqual({ error: expect.stringContaining('no tool named "apply_discount"') });
  });

  it("feeds a DomainError's text back, and only a generic text for other failures", async () => {
    const model = scripted([
      { calls: [['search_products', '{"query":"x"}'], ['store_info', '{}']] },
      { content: 'Let me check with the store.' },
    ]);
    const crash = new TypeError('db is closed');
    const seen: { error: string | null; thrown?: unknown }[] = [];
    const result = await loop(
      model,
      async (call) => {
        if (call.name === 'search_products') throw new DomainError('validation', 'query must not be empty');
        throw crash;
      },
      { onTool: (t) => seen.push({ error: t.error, thrown: t.thrown }) },
    );
    const contents = result.transcript.filter((m) => m.role === 'tool').map((m) => m.content);
    expect(contents).toEqual([JSON.stringify({ error: 'query must not be empty' }), JSON.stringify({ error: TOOL_FAILED_TEXT })]);
    expect(contents[1]).not.toContain('db is closed');
    expect(seen).toEqual([{ error: 'query must not be empty', thrown: undefined }, { error: 'db is closed', thrown: crash }]);
    expect(result.stoppedBy).toBe('answer');
  });

  it('stops at the step limit with no words, answering the last calls without running them', async () => {
    const model = scripted(Array.from({ length: 10 }, () => ({ calls: [['store_info', '{}']] as [string, string][] })));
    let runs = 0;
    const result = await loop(model, async () => (runs += 1, { content: '{"open":true}' }), { maxSteps: 3 });
    expect(result).toMatchObject({ content: null, stoppedBy: 'step_limit', steps: 3 });
    expect(model.requests).toHaveLength(3);
    expect(runs).toBe(2);
    const last = result.transcript[result.transcript.length - 1];
    expect(last).toMatchObject({ role: 'tool', toolCallId: 'c3x0' });
    expect((last as { content: string }).content).toMatch(/Step limit/);
    expect(result.usage).toEqual({ promptTokens: 60, completionTokens: 6 });
  });

  it('propagates model errors and reports each model call', async () => {
    const steps: number[] = [];
    const failing: Model = { provider: 'mistral', complete: () => Promise.reject(new DomainError('unavailable', 'Mistral chat failed (HTTP 503)')) };
    await expect(loop(failing, async () => ({ content: '{}' }))).rejects.toThrow('HTTP 503');
    const model = scripted([{ calls: [['store_info', '']] }, { content: 'Open till 8.' }]);
    const result = await loop(model, async (_c, args) => ({ content: JSON.stringify(args) }), { onModel: (r) => steps.push(r.step) });
    expect(steps).toEqual([1, 2]);
    // An empty argument string means "no arguments".
    expect(result.transcript[1]).toMatchObject({ role: 'tool', content: '{}' });
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const model = scripted([{ calls: [['store_info', '{}']] }, { content: 'never' }]);
    const run = loop(
      model,
      async () => {
        controller.abort(new Error('shopper left'));
        return { content: '{}' };
      },
      { signal: controller.signal },
    );
    await expect(run).rejects.toThrow('shopper left');
    expect(model.requests).toHaveLength(1);
  });
});
