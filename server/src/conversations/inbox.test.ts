import { describe, expect, it } from 'vitest';
import { InboxThreadListSchema, InboxThreadDetailSchema } from '../contracts/index.js';
import { textMessage, type GraphMessage } from '../whatsapp/index.js';
import { DomainError } from '../shared/errors.js';
import { kit, scriptedModel, text } from './test-kit.js';

const PHONE = '+919876543210';
const TO = '919876543210';

function fakeOutbox() {
  const queued: { payload: GraphMessage; contactId?: number | null; correlationId?: string | null }[] = [];
  return { queued, enqueueAll: (inputs: typeof queued) => inputs.map((i) => (queued.push(i), { id: `ob-${queued.length}` })) };
}

describe('the Inbox', () => {
  it('lists held threads first, the owner’s WhatsApp reply goes through the outbox as a Graph text message, hand back lets the agent answer again', async () => {
    const outbox = fakeOutbox();
    let now = new Date('2026-12-01T10:00:00.000Z');
    const model = scriptedModel(() => ({ content: 'Namaste! How can I help?' }));
    const k = kit({ model, outbox, clock: () => now });
    await k.service.chat({ channel: 'whatsapp', phone: '+919800000002', name: 'Calm', message: text('hi') });
    await k.service.chat({ channel: 'whatsapp', phone: PHONE, name: 'Meera', message: text('worst service, my chain broke in a week') });
    expect(outbox.queued.map((q) => q.payload.to)).toEqual(['919800000002', TO]);

    const list = InboxThreadListSchema.parse(k.service.inbox.list());
    expect(list.threads.map((t) => [t.contactName, t.state])).toEqual([['Meera', 'handoff'], ['Calm', 'open']]);
    expect(list).toMatchObject({ needsHuman: 1, unread: 1 });
    const held = list.threads[0]!;
    expect(held).toMatchObject({ agentName: 'Aarav', contactPhone: PHONE, unread: 1, windowOpen: true, lastMessage: { direction: 'out', by: 'agent' } });
    expect(held.reason).toMatch(/^negative sentiment/);

    const opened = InboxThreadDetailSchema.parse(k.service.inbox.open(held.id));
    expect(opened.messages.map((m) => [m.direction, m.by])).toEqual([['in', 'agent'], ['out', 'agent']]);
    expect(k.service.inbox.list().unread).toBe(0);

    const replied = k.service.inbox.reply(held.id, '  Sorry Meera, bring the chain in and we will fix it free.  ');
    expect(outbox.queued.at(-1)).toMatchObject({ contactId: held.contactId, payload: textMessage(TO, 'Sorry Meera, bring the chain in and we will fix it free.') });
    expect(outbox.queued.at(-1)?.payload).toEqual({ messaging_product: 'whatsapp', recipient_type: 'individual', to: TO, type: 'text', text: { preview_url: false, body: 'Sorry Meera, bring the chain in and we will fix it free.' } });
    expect(replied.messages.at(-1)).toMatchObject({ direction: 'out', by: 'owner', messageId: `ob-${outbox.queued.length}`, text: 'Sorry Meera, bring the chain in and we will fix it free.' });
    const owned = k.live.filter((m) => (m as { type: string; event?: { type: string; data: { by?: string } } }).event?.data.by === 'owner');
    expect(owned).toHaveLength(1);

    // still held: the shopper's answer waits for the owner
    const asked = model.requests.length;
    expect((await k.service.chat({ channel: 'whatsapp', phone: PHONE, message: text('ok when can I come') })).replies).toEqual([]);
    expect(model.requests).toHaveLength(asked);

    const back = k.service.inbox.handBack(held.id);
    expect(back).toMatchObject({ state: 'open', reason: null });
    const answered = await k.service.chat({ channel: 'whatsapp', phone: PHONE, message: text('thanks, what time do you open?') });
    expect(answered.replies).toEqual([textMessage(TO, 'Namaste! How can I help?')]);

    // 24 hours after the shopper's last message: no free-form reply
    now = new Date('2026-12-02T10:00:01.000Z');
    const late = (() => { try { k.service.inbox.reply(held.id, 'Are you coming?'); return null; } catch (e) { return e as DomainError; } })();
    expect(late).toBeInstanceOf(DomainError);
    expect(late?.code).toBe('conflict');
    expect(late?.message).toMatch(/more than 24 hours ago.*template/);
    expect(outbox.queued).toHaveLength(4);
  });

  it('a reply on an open thread takes it over first; take over, close; simulator replies are written into the thread', async () => {
    const model = scriptedModel(() => ({ content: 'Namaste!' }));
    const k = kit({ model });
    await k.service.chat({ channel: 'simulator', phone: PHONE, message: text('hi') });
    const id = k.service.inbox.list().threads[0]!.id;
    const r = k.service.inbox.reply(id, 'Hello from the owner');
    expect(r).toMatchObject({ state: 'handoff', reason: 'taken over by the owner' });
    expect(k.service.simulatorThread(PHONE)?.messages.at(-1)).toMatchObject({ direction: 'out', text: 'Hello from the owner' });
    expect(k.service.inbox.close(id).state).toBe('closed');
    expect(k.service.inbox.takeOver(id)).toMatchObject({ state: 'handoff', reason: 'taken over by the owner' });
    expect(() => k.service.inbox.open(999)).toThrow(/no thread 999/);
  });
});
