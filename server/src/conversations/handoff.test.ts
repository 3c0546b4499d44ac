import { describe, expect, it } from 'vitest';
import { textMessage, type GraphMessage } from '../whatsapp/index.js';
import { FALLBACK_TEXT } from './index.js';
import { languageOf } from './handoff.js';
import type { InboundHook } from './hooks.js';
import { agent, kit, scriptedModel, text } from './test-kit.js';

const PHONE = '+919876543210';
const TO = '919876543210';
const polite = () => scriptedModel(() => ({ content: 'Namaste! How can I help?' }));
const alerts = (live: unknown[]) => live.filter((m) => (m as { type: string }).type === 'inbox.alert') as { reason: string; notify: boolean; threadId: number }[];

describe('handoff triggers', () => {
  it('an angry message the model did not hand over: its answer is replaced, the shopper is told someone will reply (in Hinglish), the thread is held with its reason, the owner is alerted', async () => {
    const model = polite();
    const k = kit({ model });
    const r = await k.service.chat({ channel: 'simulator', phone: PHONE, message: text('bakwas service hai aapki, payal kala pad gaya') });
    expect(model.requests).toHaveLength(1);
    expect(r.replies).toEqual([textMessage(TO, 'Iske liye hum sach mein maafi chahte hain. Hamari team ka koi member jaldi yahin reply karega.')]);
    expect(r.events.map((e) => e.type)).toEqual(['INBOUND', 'THINKING', 'HANDOFF', 'OUTBOUND']);
    expect(r.events[2]?.data).toMatchObject({ trigger: 'sentiment', terms: ['kala pad gaya', 'bakwas'] });
    const row = k.db.prepare('select state, handoff_reason, handoff_at from threads').get() as { state: string; handoff_reason: string; handoff_at: string };
    expect(row.state).toBe('handoff');
    expect(row.handoff_reason).toMatch(/^negative sentiment \(-0\.\d\d\)$/);
    expect(alerts(k.live)).toMatchObject([{ reason: row.handoff_reason, notify: true }]);

    // held: the next message is kept for the person, the agent says nothing
    const next = await k.service.chat({ channel: 'simulator', phone: PHONE, message: text('hello??') });
    expect(next.replies).toEqual([]);
    expect(model.requests).toHaveLength(1);
  });

  it('a neutral question goes to the agent as usual', async () => {
    const model = polite();
    const k = kit({ model });
    const r = await k.service.chat({ channel: 'simulator', phone: PHONE, message: text("I'm not angry, just asking the price") });
    expect(model.requests).toHaveLength(1);
    expect(r.replies).toEqual([textMessage(TO, 'Namaste! How can I help?')]);
    expect(alerts(k.live)).toEqual([]);
  });

  it('follows the agent’s threshold, and does nothing when the skill is off for the agent', async () => {
    const strict = agent(1, 'Aarav', {}, { skills: [{ id: 'human_handoff', enabled: true, config: { sentimentThreshold: -0.9 } }] });
    const k = kit({ model: polite(), agents: [strict] });
    expect((await k.service.chat({ channel: 'simulator', phone: PHONE, message: text('bad service') })).replies).toEqual([textMessage(TO, 'Namaste! How can I help?')]);
    const off = agent(1, 'Aarav', {}, { skills: [{ id: 'human_handoff', enabled: false, config: {} }] });
    const k2 = kit({ model: polite(), agents: [off] });
    const r = await k2.service.chat({ channel: 'simulator', phone: PHONE, message: text('worst service, you cheated me') });
    expect(r.replies).toEqual([textMessage(TO, 'Namaste! How can I help?')]);
  });

  it('the model asking for a person (handoff_to_human) holds the thread and alerts, without the owner alert when notifyOwner is off', async () => {
    const quiet = agent(1, 'Aarav', {}, { skills: [{ id: 'human_handoff', enabled: true, config: { notifyOwner: false } }] });
    const model = scriptedModel((req, n) => (n === 1 ? { calls: [{ name: 'handoff_to_human', args: { reason: 'wants the manager' } }] } : { content: 'A member of our team will reply to you here soon.' }));
    const k = kit({ model, agents: [quiet] });
    await k.service.chat({ channel: 'simulator', phone: PHONE, message: text('can I talk to the manager') });
    expect(alerts(k.live)).toMatchObject([{ reason: 'wants the manager', notify: false }]);
  });

  it('two unanswered turns in a row hand off (maxFailures 2); an answered turn in between resets the count', async () => {
    let answer = false;
    const model = scriptedModel(() => {
      if (answer) return { content: 'Here you go.' };
      throw new Error('model down');
    });
    const k = kit({ model });
    const first = await k.service.chat({ channel: 'simulator', phone: PHONE, message: text('show rings') });
    expect(first.replies).toEqual([textMessage(TO, FALLBACK_TEXT)]);
    answer = true;
    await k.service.chat({ channel: 'simulator', phone: PHONE, message: text('show rings again') });
    answer = false;
    await k.service.chat({ channel: 'simulator', phone: PHONE, message: text('rings please') });
    expect(alerts(k.live)).toEqual([]);
    const third = await k.service.chat({ channel: 'simulator', phone: PHONE, message: text('hello, rings?') });
    expect((third.replies as unknown as GraphMessage[]).map((m) => (m as { text?: { body: string } }).text?.body)).toEqual([FALLBACK_TEXT]);
    expect(alerts(k.live)).toMatchObject([{ reason: 'could not answer 2 times in a row' }]);
    expect((k.db.prepare('select state from threads').get() as { state: string }).state).toBe('handoff');
  });

  it('an order above the agent’s value is confirmed, then held by a person; a smaller one, or the same cart again, is not', async () => {
    const totals = new Map([['wamid.small', 150000], ['wamid.big', 250000]]);
    const hook: InboundHook = (m) => (m.type === 'order' ? { kind: 'order', summary: 'order', facts: { total: totals.get(m.id) ?? 0, duplicate: false } } : null);
    const k = kit({ model: polite(), inboundHooks: [hook] });
    const order = (id: string) => ({ id, type: 'order', order: { catalog_id: '1', product_items: [{ product_retailer_id: 'SJ-BNG-0001', quantity: 1, item_price: 1, currency: 'INR' }] } });
    const small = await k.service.chat({ channel: 'simulator', phone: PHONE, message: order('wamid.small') });
    expect(small.events.map((e) => e.type)).not.toContain('HANDOFF');
    const big = await k.service.chat({ channel: 'simulator', phone: PHONE, message: order('wamid.big') });
    expect(big.replies).toEqual([textMessage(TO, 'Namaste! How can I help?')]);
    expect(big.events.find((e) => e.type === 'HANDOFF')?.data).toMatchObject({ reason: 'order of ₹2,50,000 to confirm (above ₹2,00,000)' });
    expect(k.service.inbox.list().threads[0]).toMatchObject({ state: 'handoff', reason: 'order of ₹2,50,000 to confirm (above ₹2,00,000)' });
    expect(alerts(k.live)).toHaveLength(1);
  });

  it('guesses the reply language', () => {
    expect(languageOf('worst service')).toBe('en');
    expect(languageOf('bakwas hai')).toBe('hinglish');
    expect(languageOf('बहुत खराब')).toBe('hindi');
  });
});
