import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { ConversationEvent, LiveMessage } from '../contracts/index.js';
import { createCrmService } from '../crm/index.js';
import { migrate, openDatabase } from '../db/index.js';
import { Bus } from '../ops/index.js';
import { DomainError } from '../shared/errors.js';
import { TOOL } from '../skills/index.js';
import { createConversations, type InboundHook } from './index.js';
import { agent, fakeAgents, fakeSkills, scriptedModel, simpleFactCheck, type Step } from './test-kit.js';
import type { ModelRequest } from '../brain/index.js';

function engine(hooks: InboundHook[], script: (req: ModelRequest) => Step) {
  const { db } = openDatabase(':memory:');
  migrate(db);
  const bus = new Bus();
  const live: LiveMessage[] = [];
  bus.subscribe((m) => live.push(m));
  const model = scriptedModel(script);
  const conv = createConversations({
    db, bus, log: pino({ level: 'silent' }), crm: createCrmService(db), agents: fakeAgents([agent(1, 'Aarav')]), skills: fakeSkills(), factCheck: simpleFactCheck,
    settings: { getStoreProfile: () => { throw new DomainError('not_configured', 'no store'); }, getValue: () => undefined, readSecret: () => undefined },
    personaInstructions: (a) => `You are ${a.name}.`, model: () => model, offlineModel: () => model, inboundHooks: hooks,
  });
  return { conv: conv.service, model, live };
}

const ORDER = { id: 'wamid.order-1', type: 'order', order: { catalog_id: 'cat', product_items: [{ product_retailer_id: 'SJ-1', quantity: 2, item_price: 48200, currency: 'INR' }] } };
const orderHook = (calls: string[]): InboundHook => (m, ctx) => {
  if (m.type !== 'order') return null;
  calls.push(`${m.id} thread ${ctx.threadId} agent ${ctx.agent.name}`);
  return { kind: 'order', summary: 'order #1: 2 pieces, ₹96,400', facts: { orderId: 1, total: 96400, totalText: '₹96,400' } };
};
const events = (live: LiveMessage[]): ConversationEvent[] => live.flatMap((m) => (m.type === 'conversation.event' ? [m.event] : []));

describe('inbound hooks in the engine', () => {
  it('runs before the brain: a TOOL event with the facts, the facts in the model context and its messages, and amounts from them pass the fact check', async () => {
    const calls: string[] = [];
    const { conv, model, live } = engine([orderHook(calls)], (req) => ({ content: `Thank you! Total ${String(req.context.hooks?.[0]?.facts.totalText)}.` }));
    const r = await conv.chat({ channel: 'cli', phone: '+919876500001', message: ORDER });
    expect(calls).toEqual(['wamid.order-1 thread 1 agent Aarav']);
    const types = events(live).map((e) => e.type);
    expect(types.indexOf('TOOL')).toBeGreaterThan(types.indexOf('INBOUND'));
    expect(types.indexOf('TOOL')).toBeLessThan(types.indexOf('THINKING'));
    expect(events(live).find((e) => e.type === 'TOOL')).toMatchObject({ detail: 'order → order #1: 2 pieces, ₹96,400', data: { name: 'order', summary: 'order #1: 2 pieces, ₹96,400', result: { orderId: 1, total: 96400 } } });
    const req = model.requests[0]!;
    expect(req.context.hooks).toEqual([{ kind: 'order', summary: 'order #1: 2 pieces, ₹96,400', facts: { orderId: 1, total: 96400, totalText: '₹96,400' } }]);
    const facts = req.messages.at(-2);
    expect(facts?.role).toBe('system');
    expect(facts?.content).toContain('"total":96400');
    expect(req.messages.at(-1)?.role).toBe('user');
    expect(r.replies[0]).toMatchObject({ type: 'text', text: { body: 'Thank you! Total ₹96,400.' } });
  });

  it('a hook that throws is an ERROR event and the turn still answers', async () => {
    const boom: InboundHook = () => { throw new Error('catalog unavailable'); };
    const { conv, live, model } = engine([boom], () => ({ content: 'Thank you for your order.' }));
    const r = await conv.chat({ channel: 'cli', phone: '+919876500001', message: ORDER });
    expect(events(live).find((e) => e.type === 'ERROR')).toMatchObject({ data: { reason: 'hook_error', message: 'catalog unavailable', messageId: 'wamid.order-1' } });
    expect(model.requests[0]?.context.hooks).toBeUndefined();
    expect(r.replies).toHaveLength(1);
  });

  it('the same message twice reaches the hook once (answered messages are not turned again); other messages pass by', async () => {
    const calls: string[] = [];
    const { conv } = engine([orderHook(calls)], () => ({ content: 'Thanks.' }));
    const a = await conv.chat({ channel: 'cli', phone: '+919876500001', message: ORDER });
    const b = await conv.chat({ channel: 'cli', phone: '+919876500001', message: ORDER });
    await conv.chat({ channel: 'cli', phone: '+919876500001', message: { type: 'text', text: { body: 'hi' } } });
    expect(calls).toHaveLength(1);
    expect(b.replies).toEqual(a.replies);
  });

  it('runs while a person holds the thread (the order is taken, the agent stays silent)', async () => {
    const calls: string[] = [];
    const { conv } = engine([orderHook(calls)], (req) => (req.messages.some((m) => m.role === 'user' && /human/.test(m.content)) && !req.messages.some((m) => m.role === 'tool') ? { calls: [{ name: TOOL.handoff, args: { reason: 'asked' } }] } : { content: 'ok' }));
    await conv.chat({ channel: 'cli', phone: '+919876500001', message: { type: 'text', text: { body: 'a human please' } } });
    const r = await conv.chat({ channel: 'cli', phone: '+919876500001', message: ORDER });
    expect(calls).toHaveLength(1);
    expect(r.replies).toEqual([]);
  });
});
