import { describe, expect, it } from 'vitest';
import type { PersonaInput } from '../contracts/index.js';
import { FOLLOW_UP_SETTING } from './index.js';
import { agent, kit, salesScript, scriptedModel, text } from './test-kit.js';

const T0 = new Date('2026-03-02T05:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const PHONE = '+919876543210';

/** A WhatsApp shopper who asked about bangles at T0 and got an answer; follow-ups after 180 minutes. */
async function interestedShopper(persona: PersonaInput, opts: { firstWords?: string; settings?: Record<string, unknown> } = {}) {
  const queued: { payload: unknown; correlationId?: string | null }[] = [];
  let ids = 0;
  const outbox = { enqueueAll: (inputs: { payload: unknown; correlationId?: string | null }[]) => inputs.map((i) => (queued.push(i), { id: `ob-${++ids}` })) };
  const model = scriptedModel(salesScript);
  const k = kit({ model, agents: [agent(1, 'Aarav', persona)], outbox, settings: opts.settings });
  await k.service.chat({ channel: 'whatsapp', phone: PHONE, message: text(opts.firstWords ?? 'gold bangles'), now: T0 });
  queued.length = 0;
  return { k, model, queued };
}

describe('follow-ups', () => {
  it('Zen never follows up', async () => {
    const { k, queued } = await interestedShopper({ tenacity: 5 });
    expect(await k.service.followUps.run(at(200))).toBe(0);
    expect(await k.service.followUps.run(at(600))).toBe(0);
    expect(queued).toEqual([]);
  });

  it('Shark follows up twice, each after the quiet delay, then stops; the model knows it is a follow-up', async () => {
    const { k, model, queued } = await interestedShopper({ tenacity: 95 });
    expect(await k.service.followUps.run(at(100))).toBe(0); // not quiet long enough
    expect(await k.service.followUps.run(at(181))).toBe(1);
    expect(model.requests.at(-1)?.context.followUp).toBe(true);
    expect(model.requests.at(-1)?.context.inbound).toBeNull();
    expect(await k.service.followUps.run(at(200))).toBe(0); // the delay runs from our follow-up
    expect(await k.service.followUps.run(at(362))).toBe(1);
    expect(await k.service.followUps.run(at(600))).toBe(0);
    expect(queued).toHaveLength(2);
    expect(queued[0]).toMatchObject({ correlationId: 'follow-up:1:1', payload: { type: 'text', text: { body: 'Still thinking about the bangles?' } } });
    const thread = k.service.thread(1);
    expect(thread.followUpsSent).toBe(2);
    expect(thread.messages.at(-1)).toMatchObject({ direction: 'out', text: 'Still thinking about the bangles?' });
  });

  it('a new message from the shopper resets the count', async () => {
    const { k } = await interestedShopper({ tenacity: 50 });
    expect(await k.service.followUps.run(at(181))).toBe(1);
    expect(await k.service.followUps.run(at(400))).toBe(0);
    await k.service.chat({ channel: 'whatsapp', phone: PHONE, message: text('show bangles again'), now: at(410) });
    expect(k.service.thread(1).followUpsSent).toBe(0);
    expect(await k.service.followUps.run(at(591))).toBe(1);
  });

  it('never follows up a shopper who said stop', async () => {
    const { k } = await interestedShopper({ tenacity: 95 });
    await k.service.chat({ channel: 'whatsapp', phone: PHONE, message: text('not interested'), now: at(5) });
    expect(await k.service.followUps.run(at(300))).toBe(0);
  });

  it('never follows up outside the 24-hour window (nor in its last 15 minutes)', async () => {
    const { k } = await interestedShopper({ tenacity: 95 }, { settings: { [FOLLOW_UP_SETTING]: 24 * 60 - 10 } });
    expect(await k.service.followUps.run(at(24 * 60 - 10))).toBe(0);
    expect(await k.service.followUps.run(at(24 * 60 + 30))).toBe(0);
    // the same thread with a delay that lands just inside the margin does get one
    const inside = await interestedShopper({ tenacity: 95 }, { settings: { [FOLLOW_UP_SETTING]: 24 * 60 - 20 } });
    expect(await inside.k.service.followUps.run(at(24 * 60 - 16))).toBe(1);
  });

  it('sends nothing (and counts the try) when the follow-up would quote a price no tool gave', async () => {
    const { k, model, queued } = await interestedShopper({ tenacity: 95 });
    const script = model.requests.length;
    const loud = scriptedModel(() => ({ content: 'That bangle is just ₹9,999 today!' }));
    k.service.setModel(() => loud);
    expect(await k.service.followUps.run(at(181))).toBe(0);
    expect(queued).toEqual([]);
    expect(loud.requests).toHaveLength(1);
    expect(model.requests).toHaveLength(script);
    expect(k.service.thread(1).followUpsSent).toBe(1);
  });

  it('never follows up a shopper who only said hello (no interest shown), nor a thread whose last word was theirs', async () => {
    const { k } = await interestedShopper({ tenacity: 95 }, { firstWords: 'hello' });
    expect(await k.service.followUps.run(at(200))).toBe(0);
  });
});
