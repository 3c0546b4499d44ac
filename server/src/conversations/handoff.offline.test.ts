import { describe, expect, it } from 'vitest';
import { ANGRY, NEUTRAL } from '../../../test/helpers/moods.js';
import { createOfflineModel } from '../brain/index.js';
import { kit, text } from './test-kit.js';

const bodies = (replies: Record<string, unknown>[]) => replies.map((m) => (m as { text?: { body?: string }; interactive?: { body?: { text?: string } } }).text?.body ?? (m as { interactive?: { body?: { text?: string } } }).interactive?.body?.text ?? '');

/** The offline brain and the engine's triggers together, one shopper per message. */
async function handedOff(messages: string[]): Promise<string[]> {
  const k = kit({ model: createOfflineModel() });
  const out: string[] = [];
  for (const [i, m] of messages.entries()) {
    const r = await k.service.chat({ channel: 'simulator', phone: `+9198000${String(10000 + i)}`, message: text(m) });
    if (r.events.some((e) => e.type === 'HANDOFF')) out.push(m);
  }
  return out;
}

describe('handoff with the offline brain', () => {
  it(`hands off all ${ANGRY.length} angry English and Hinglish messages`, async () => {
    const off = await handedOff(ANGRY);
    expect(ANGRY.filter((m) => !off.includes(m))).toEqual([]);
    expect(off).toHaveLength(20);
  });

  it(`keeps all ${NEUTRAL.length} neutral messages with the agent`, async () => {
    expect(await handedOff(NEUTRAL)).toEqual([]);
  });

  it('a scripted conversation: a question is answered, a complaint goes to a person with an apology, a rating is thanked', async () => {
    const k = kit({ model: createOfflineModel() });
    const phone = '+919811122233';
    const first = await k.service.chat({ channel: 'simulator', phone, message: text('namaste') });
    expect(first.events.some((e) => e.type === 'HANDOFF')).toBe(false);
    expect(bodies(first.replies).join(' ')).not.toBe('');
    const angry = await k.service.chat({ channel: 'simulator', phone, message: text('ekdum bekar maal bechte ho, kala pad gaya') });
    expect(angry.events.filter((e) => e.type === 'HANDOFF')).toHaveLength(1);
    expect(bodies(angry.replies).join(' ')).toMatch(/team .*(reply|jaldi)|reply karega/i);
    expect(k.service.inbox.list().threads[0]).toMatchObject({ state: 'handoff', unread: 2 });
    const held = await k.service.chat({ channel: 'simulator', phone, message: text('hello?') });
    expect(held.replies).toEqual([]);
  });
});
