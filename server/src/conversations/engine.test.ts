import { describe, expect, it } from 'vitest';
import { ChatResultSchema, LiveMessageSchema, type ConversationEvent, type InboundMessage } from '../contracts/index.js';
import { imageMessage, listMessage, replyButtonsMessage, textMessage } from '../whatsapp/index.js';
import { FALLBACK_TEXT, UNBACKED_PRICE_TEXT, normaliseMessage } from './index.js';
import { agent, kit, salesScript, scriptedModel, text } from './test-kit.js';

const PHONE = '+919876543210';
const TO = '919876543210';
const types = (events: ConversationEvent[]) => events.map((e) => e.type);

describe('a turn', () => {
  it('answers a product question with the skills’ cards, then the words under reply buttons, and remembers what was shown', async () => {
    const model = scriptedModel(salesScript);
    const k = kit({ model });
    const r = await k.service.chat({ channel: 'simulator', phone: PHONE, name: 'Asha', message: text('gold bangles under 50000') });

    expect(r.replies).toEqual([
      imageMessage(TO, { link: 'https://shop.example/media/SJ-BNG-001.jpg' }, { caption: '*SJ-BNG-001*' }),
      imageMessage(TO, { link: 'https://shop.example/media/SJ-BNG-002.jpg' }, { caption: '*SJ-BNG-002*' }),
      replyButtonsMessage(TO, { body: 'Here are 2 gold bangles from ₹45,000 to ₹48,500.', buttons: [{ id: 'btn_book_a_visit', title: 'Book a visit' }, { id: 'btn_see_more', title: 'See more' }] }),
    ]);
    expect(types(r.events)).toEqual(['INBOUND', 'THINKING', 'TOOL', 'THINKING', 'TOOL', 'TOOL', 'THINKING', 'OUTBOUND', 'OUTBOUND', 'OUTBOUND']);
    const tool = r.events.find((e) => e.type === 'TOOL');
    expect(tool?.detail).toBe('search_products {"query":"gold bangles under 50000"} → 2 products');
    expect(r.events[1]?.data).toMatchObject({ provider: 'offline', model: 'scripted-1', usage: { promptTokens: 10, completionTokens: 5 } });
    expect(r.events.every((e) => e.agentName === 'Aarav' && e.contactId !== null && e.threadId !== null)).toBe(true);
    // the same events went out live
    const live = k.live.filter((m) => (m as { type: string }).type === 'conversation.event');
    expect(live.map((m) => LiveMessageSchema.parse(m))).toEqual(r.events.map((event) => ({ type: 'conversation.event', time: event.time, event })));
    expect(ChatResultSchema.parse(r)).toEqual(r);

    // the system instructions come from the persona, with the tools the model has
    expect(model.requests[0]?.messages[0]).toEqual({ role: 'system', content: 'You are Aarav.' });
    expect(model.requests[0]?.tools.map((t) => t.name)).toEqual(['search_products', 'get_product', 'send_products', 'suggest_replies', 'handoff_to_human']);

    const thread = k.service.simulatorThread(PHONE);
    expect(thread?.messages.map((m) => [m.direction, m.kind, m.text])).toEqual([
      ['in', 'text', 'gold bangles under 50000'],
      ['out', 'image', '[photo] *SJ-BNG-001*'],
      ['out', 'image', '[photo] *SJ-BNG-002*'],
      ['out', 'interactive.button', 'Here are 2 gold bangles from ₹45,000 to ₹48,500. [buttons: Book a visit | See more]'],
    ]);
    const memory = JSON.parse(k.service.repo.get(thread!.id)!.memory);
    expect(memory).toMatchObject({ lastQuery: 'gold bangles under 50000', shownSkus: ['SJ-BNG-001', 'SJ-BNG-002'], interested: true, optedOut: false });
  });

  it('turns 4 to 10 suggested choices into a list message (rows up to 24 characters), and a tapped row comes back as its title', async () => {
    const choices = ['Gold bangles', 'Diamond rings', 'Bridal necklace sets', 'Silver anklets', 'Temple jewellery'];
    const model = scriptedModel((req) => {
      const said = req.messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';
      if (said !== 'hi') return { content: `You picked ${said}.` };
      return req.messages.some((m) => m.role === 'tool') ? { content: 'What would you like to see?' } : { calls: [{ name: 'suggest_replies', args: { buttons: choices, listButton: 'Browse' } }] };
    });
    const k = kit({ model });
    const r = await k.service.chat({ channel: 'simulator', phone: PHONE, message: text('hi') });
    expect(r.replies).toEqual([
      listMessage(TO, { body: 'What would you like to see?', button: 'Browse', sections: [{ rows: [
        { id: 'btn_gold_bangles', title: 'Gold bangles' }, { id: 'btn_diamond_rings', title: 'Diamond rings' }, { id: 'btn_bridal_necklace_sets', title: 'Bridal necklace sets' },
        { id: 'btn_silver_anklets', title: 'Silver anklets' }, { id: 'btn_temple_jewellery', title: 'Temple jewellery' },
      ] }] }),
    ]);
    const tap = await k.service.chat({ channel: 'simulator', phone: PHONE, message: { type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'btn_silver_anklets', title: 'Silver anklets' } } } });
    expect(tap.replies).toEqual([textMessage(TO, 'You picked Silver anklets.')]);
  });

  it('records the brain’s calls and tokens per day, provider, model and agent, summed over turns', async () => {
    const k = kit({ model: scriptedModel(salesScript), clock: () => new Date('2026-12-01T10:00:00Z') });
    expect(k.service.usage().totals).toEqual({ calls: 0, promptTokens: 0, completionTokens: 0 });
    const r1 = await k.service.chat({ channel: 'simulator', phone: PHONE, message: text('gold bangles under 50000') });
    const r2 = await k.service.chat({ channel: 'simulator', phone: '+919876543211', message: text('gold bangles under 50000') });
    const calls = [...r1.events, ...r2.events].filter((e) => e.type === 'THINKING').length;
    expect(calls).toBeGreaterThan(1);
    const u = k.service.usage(30);
    expect(u.since).toBe('2026-11-02');
    expect(u.rows).toEqual([{ day: '2026-12-01', provider: 'offline', model: 'scripted-1', agentId: 1, calls, promptTokens: 10 * calls, completionTokens: 5 * calls }]);
    expect(u.totals).toEqual({ calls, promptTokens: 10 * calls, completionTokens: 5 * calls });
    expect(u.mistral).toEqual({ calls: 0, promptTokens: 0, completionTokens: 0 });
  });

  it('gives the model the recent history as user and assistant lines, and the tap of a button as its title', async () => {
    const model = scriptedModel(salesScript);
    const k = kit({ model });
    await k.service.chat({ channel: 'cli', phone: PHONE, message: text('hello') });
    await k.service.chat({ channel: 'cli', phone: PHONE, message: { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'btn_gold_bangles', title: 'Gold bangles' } } } });
    const req = model.requests.at(-1)!;
    expect(req.messages.slice(1, 4)).toEqual([
      { role: 'user', content: 'hello' },
      { role: 'assistant', content: 'Namaste! How can I help?' },
      { role: 'user', content: 'Gold bangles' },
    ]);
    expect(req.context.inbound?.reply).toMatchObject({ kind: 'button_reply', id: 'btn_gold_bangles' });
  });

  it('reads a reply to a product message as about that SKU and keeps it in focus', async () => {
    const model = scriptedModel(() => ({ content: 'It is lovely.' }));
    const k = kit({ model });
    await k.service.chat({ channel: 'cli', phone: PHONE, message: text('is this available?', { context: { from: '15550001111', id: 'wamid.prev', referred_product: { catalog_id: 'c1', product_retailer_id: 'SJ-BNG-002' } } }) });
    expect(model.requests[0]?.messages.at(-1)).toEqual({ role: 'user', content: 'is this available? (about SKU SJ-BNG-002)' });
    expect(model.requests[0]?.context.memory.focusSku).toBe('SJ-BNG-002');
  });

  it('answers the same inbound message once: a redelivery returns the stored replies and runs nothing', async () => {
    const model = scriptedModel(salesScript);
    const k = kit({ model });
    const contact = k.crm.upsertFromWhatsApp({ waId: TO, name: 'Asha' });
    const m: InboundMessage = normaliseMessage(text('gold bangles please', { id: 'wamid.ONE' }), { waId: TO }, new Date());
    await k.service.handleInbound(m, contact);
    const calls = model.requests.length;
    const again = await k.service.chat({ channel: 'whatsapp', phone: PHONE, message: text('gold bangles please', { id: 'wamid.ONE' }) });
    expect(model.requests.length).toBe(calls);
    expect(again.events).toEqual([]);
    expect(again.replies).toHaveLength(3);
    expect(k.service.repo.messages(k.service.repo.find(contact.id, 'whatsapp', '')!.id)).toHaveLength(4);
  });

  it('replaces final words with a rupee amount no tool gave, and says so in an ERROR event', async () => {
    const k = kit({ model: scriptedModel(() => ({ content: 'That one is only ₹12,345 today!' })) });
    const r = await k.service.chat({ channel: 'cli', phone: PHONE, message: text('price?') });
    expect(r.replies).toEqual([textMessage(TO, UNBACKED_PRICE_TEXT)]);
    expect(r.events.find((e) => e.type === 'ERROR')?.data).toMatchObject({ reason: 'unbacked_amount', unbacked: [12345] });
  });

  it('lets the shopper’s own budget be repeated back', async () => {
    const k = kit({ model: scriptedModel(() => ({ content: 'Sure, I will look under ₹50,000.' })) });
    const r = await k.service.chat({ channel: 'cli', phone: PHONE, message: text('rings under 50,000') });
    expect(r.replies).toEqual([textMessage(TO, 'Sure, I will look under ₹50,000.')]);
  });

  it('is never silent: a failing model or the step limit ends in a polite fallback and an ERROR event', async () => {
    const failing = kit({ model: scriptedModel(() => { throw new Error('provider down'); }) });
    const r1 = await failing.service.chat({ channel: 'cli', phone: PHONE, message: text('hi') });
    expect(r1.replies).toEqual([textMessage(TO, FALLBACK_TEXT)]);
    expect(r1.events.find((e) => e.type === 'ERROR')?.detail).toContain('provider down');

    const looping = kit({ model: scriptedModel(() => ({ calls: [{ name: 'get_product', args: { sku: 'SJ-BNG-001' } }] })) });
    const r2 = await looping.service.chat({ channel: 'cli', phone: PHONE, message: text('hi') });
    expect(r2.replies).toEqual([textMessage(TO, FALLBACK_TEXT)]);
    expect(r2.events.find((e) => e.type === 'ERROR')?.data).toMatchObject({ reason: 'step_limit' });
  });

  it('tells the model and the Matrix when a skill breaks, and still answers', async () => {
    const model = scriptedModel((req, n) => (n === 1 ? { calls: [{ name: 'get_product', args: { sku: 'SJ-BNG-001' } }] } : { content: 'Let me check that for you.' }));
    const k = kit({ model });
    k.skills.execute = async () => {
      throw new TypeError('cannot read properties of undefined');
    };
    const r = await k.service.chat({ channel: 'cli', phone: PHONE, message: text('price of SJ-BNG-001?') });
    expect(r.replies).toEqual([textMessage(TO, 'Let me check that for you.')]);
    expect(types(r.events)).toEqual(['INBOUND', 'THINKING', 'ERROR', 'TOOL', 'THINKING', 'OUTBOUND']);
    expect(r.events[2]?.data).toMatchObject({ reason: 'tool_error', tool: 'get_product', message: 'cannot read properties of undefined' });
    // the model saw a generic failure, not the stack of our bug
    const toolMsg = model.requests[1]?.messages.at(-1);
    expect(toolMsg).toMatchObject({ role: 'tool', name: 'get_product' });
    expect(String(toolMsg?.content)).not.toContain('undefined');
  });

  it('hands the thread to a human when the model asks, and then stays quiet on it', async () => {
    const model = scriptedModel((req, n) => (n === 1 ? { calls: [{ name: 'handoff_to_human', args: { reason: 'wants the manager' } }] } : { content: 'A team member will reply soon.' }));
    const k = kit({ model });
    const r = await k.service.chat({ channel: 'cli', phone: PHONE, message: text('manager please') });
    expect(types(r.events)).toEqual(['INBOUND', 'THINKING', 'TOOL', 'THINKING', 'HANDOFF', 'OUTBOUND']);
    expect(r.replies).toEqual([textMessage(TO, 'A team member will reply soon.')]);
    const later = await k.service.chat({ channel: 'cli', phone: PHONE, message: text('hello?') });
    expect(later).toEqual({ replies: [], events: [expect.objectContaining({ type: 'INBOUND', detail: 'hello?' })] });
    expect(model.requests).toHaveLength(2);
    const thread = k.service.thread(later.events[0]!.threadId!);
    expect(thread.state).toBe('handoff');
    expect(thread.messages.at(-1)).toMatchObject({ direction: 'in', text: 'hello?' });
  });

  it('a paused agent sends the away message, or passes the thread to the inbox', async () => {
    const model = scriptedModel(() => ({ content: 'should not run' }));
    const away = kit({ model, agents: [agent(1, 'Aarav', {}, { status: 'paused', awayMessage: 'We are closed for Diwali, back on Monday.' })] });
    const r = await away.service.chat({ channel: 'cli', phone: PHONE, message: text('hi') });
    expect(r.replies).toEqual([textMessage(TO, 'We are closed for Diwali, back on Monday.')]);
    const again = await away.service.chat({ channel: 'cli', phone: PHONE, message: text('hello??') });
    expect(again.replies).toEqual([]);
    const inbox = kit({ model, agents: [agent(1, 'Aarav', {}, { status: 'paused', whenPaused: 'inbox' })] });
    const r2 = await inbox.service.chat({ channel: 'cli', phone: PHONE, message: text('hi') });
    expect(r2.replies).toEqual([]);
    expect(types(r2.events)).toEqual(['INBOUND', 'HANDOFF']);
    expect(model.requests).toHaveLength(0);
  });

  it('remembers a shopper who says stop', async () => {
    const k = kit({ model: scriptedModel(() => ({ content: 'Okay, no more messages. Take care!' })) });
    const r = await k.service.chat({ channel: 'cli', phone: PHONE, message: text('nahi chahiye, mat bhejo') });
    const thread = k.service.thread(r.events[0]!.threadId!);
    expect(thread.optedOut).toBe(true);
    await k.service.chat({ channel: 'cli', phone: PHONE, message: text('gold nahi, silver dikhao') });
    expect(k.service.thread(thread.id).optedOut).toBe(true);
  });

  it('talks as the agent asked for by name, and keeps that agent on the thread', async () => {
    const k = kit({ model: scriptedModel(() => ({ content: 'Hello' })) });
    const r = await k.service.chat({ channel: 'cli', phone: PHONE, agentName: 'riya', message: text('hi') });
    expect(r.events[0]?.agentName).toBe('Riya');
    const next = await k.service.chat({ channel: 'cli', phone: PHONE, message: text('hi again') });
    expect(next.events[0]?.agentName).toBe('Riya');
    await expect(k.service.chat({ channel: 'cli', phone: PHONE, agentName: 'Nobody', message: text('hi') })).rejects.toThrow(/no agent named "Nobody"/);
  });

  it('notes a reaction or a deleted message without answering it', async () => {
    const model = scriptedModel(() => ({ content: 'Hello' }));
    const k = kit({ model });
    const r = await k.service.chat({ channel: 'cli', phone: PHONE, message: { type: 'reaction', reaction: { message_id: 'wamid.OURS', emoji: '👍' } } });
    expect(r.replies).toEqual([]);
    expect(r.events.map((e) => [e.type, e.detail])).toEqual([['INBOUND', '[reacted 👍]']]);
    await k.service.chat({ channel: 'cli', phone: PHONE, message: { type: 'revoke', revoke: { original_message_id: 'wamid.X' } } });
    expect(model.requests).toHaveLength(0);
    expect(k.service.thread(r.events[0]!.threadId!).messages.map((m) => m.kind)).toEqual(['reaction', 'revoke']);
  });

  it('refuses an object that is not a WhatsApp message', async () => {
    const k = kit({ model: scriptedModel(() => ({ content: 'x' })) });
    await expect(k.service.chat({ channel: 'cli', phone: PHONE, message: { hello: 'world' } })).rejects.toThrow(/needs a "type"/);
  });
});

describe('one reply at a time per shopper, shoppers in parallel', () => {
  it('runs a shopper’s second message after the first reply, while another shopper is answered meanwhile', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let inFlight = 0;
    let maxInFlight = 0;
    const model = scriptedModel(async (req) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const last = String(req.messages.at(-1)?.content);
      if (last === 'first') await gate;
      inFlight -= 1;
      return { content: `re: ${last}` };
    });
    const k = kit({ model });
    const a1 = k.service.chat({ channel: 'cli', phone: PHONE, message: text('first') });
    const a2 = k.service.chat({ channel: 'cli', phone: PHONE, message: text('second') });
    const b = await k.service.chat({ channel: 'cli', phone: '+919812345678', message: text('other shopper') });
    expect(b.replies).toEqual([textMessage('919812345678', 're: other shopper')]);
    expect(maxInFlight).toBe(2);
    release();
    await a1;
    await a2;
    const second = model.requests.find((r) => r.messages.at(-1)?.content === 'second')!;
    // the second message was only read once the first had its answer
    expect(second.messages.slice(1, 3)).toEqual([{ role: 'user', content: 'first' }, { role: 'assistant', content: 're: first' }]);
  });
});

describe('the WhatsApp channel', () => {
  it('commits the replies to the outbox with the thread, correlated to the inbound message, addressed by user id when the phone is hidden', async () => {
    const queued: unknown[] = [];
    const outbox = { enqueueAll: (inputs: { payload: unknown }[]) => inputs.map((i, n) => (queued.push(i), { id: `ob-${queued.length}-${n}` })) };
    const k = kit({ model: scriptedModel(salesScript), outbox });
    const contact = k.crm.upsertFromWhatsApp({ userId: 'IN.9f8e7d', name: 'Hidden' });
    const m = normaliseMessage({ type: 'text', text: { body: 'gold bangle' }, id: 'wamid.HID', from_user_id: 'IN.9f8e7d' }, { waId: '' }, new Date());
    await k.service.handleInbound(m, contact);
    expect(queued).toHaveLength(3);
    expect(queued[2]).toMatchObject({ contactId: contact.id, correlationId: 'wamid.HID', payload: { recipient: 'IN.9f8e7d', type: 'interactive' } });
    const thread = k.service.repo.find(contact.id, 'whatsapp', '')!;
    expect(k.service.repo.messages(thread.id).filter((r) => r.direction === 'out').map((r) => r.message_id)).toEqual(['ob-1-0', 'ob-2-1', 'ob-3-2']);
  });

  it('stores nothing when the outbox cannot take the replies, so the inbox’s retry runs the turn again', async () => {
    let fail = true;
    const outbox = {
      enqueueAll: (inputs: unknown[]) => {
        if (fail) throw new Error('disk full');
        return inputs.map((_, i) => ({ id: `ob-${i}` }));
      },
    };
    const model = scriptedModel(() => ({ content: 'Hello there' }));
    const k = kit({ model, outbox });
    const contact = k.crm.upsertFromWhatsApp({ waId: TO });
    const m = normaliseMessage(text('hi', { id: 'wamid.RETRY' }), { waId: TO }, new Date());
    await expect(k.service.handleInbound(m, contact)).rejects.toThrow('disk full');
    const thread = k.service.repo.find(contact.id, 'whatsapp', '')!;
    expect(k.service.repo.messages(thread.id)).toEqual([]);
    fail = false;
    await k.service.handleInbound(m, contact);
    expect(model.requests).toHaveLength(2);
    expect(k.service.repo.messages(thread.id).map((r) => r.direction)).toEqual(['in', 'out']);
  });
});
