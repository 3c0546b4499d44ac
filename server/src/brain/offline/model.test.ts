import { describe, expect, it } from 'vitest';
import { createOfflineModel } from './model.js';
import { TOOL } from './tools.js';
import { ALL_TOOLS, CATALOG, inbound, runTurn, unbackedAmounts, STORE } from './test-kit.js';

const model = createOfflineModel();
const names = (r: { calls: { name: string }[] }) => r.calls.map((c) => c.name);
const bangles = ['SJ-BNG-001', 'SJ-BNG-002', 'SJ-BNG-004', 'SJ-BNG-005', 'SJ-BNG-006'];
const referred = (sku: string) => ({ id: 'wamid.OURS', from: null, forwarded: false, frequentlyForwarded: false, referredProduct: { catalogId: 'cat', productRetailerId: sku } });

describe('offline brain: product search', () => {
  it('searches the shopper words, sends the top five, suggests replies, then sums up from the results', async () => {
    const r = await runTurn(model, 'do you have gold bangles under 50k?');
    expect(names(r)).toEqual([TOOL.searchProducts, TOOL.sendProducts, TOOL.suggestReplies]);
    expect(r.calls[0]?.args).toEqual({ query: 'do you have gold bangles under 50k?', limit: 30 });
    expect(r.calls[1]?.args).toMatchObject({ skus: bangles, header: 'Gold · bangle · up to ₹50,000', body: '5 designs · ₹28,900 – ₹48,500' });
    expect(r.buttons).toEqual(['Store timings', 'Book a visit', 'Talk to us']);
    expect(r.content).toContain('I found 5 designs');
    expect(r.content).toContain('₹28,900 – ₹48,500');
    expect(r.content).toContain('Classic Gold Bangle');
    expect(r.ids).toEqual(['call_1', 'call_2', 'call_3']);
    expect(unbackedAmounts(r.content ?? '', r.resultsText)).toEqual([]);
  });

  it('names the one design found instead of summing up a list of one', async () => {
    const r = await runTurn(model, 'gold jhumka');
    expect(r.calls[1]?.args.skus).toEqual(['SJ-ERG-001']);
    expect(r.content).toContain('I found one design for gold, earrings: Gold Jhumka (22K gold, 8.3 g, ₹39,900).');
  });

  it('offers "See more" only when more are left beyond the list', async () => {
    const r = await runTurn(model, 'gold bangles', { persona: { length: 0 } });
    expect(r.calls[1]?.args.skus).toHaveLength(3);
    expect(r.buttons[0]).toBe('See more');
    expect(r.content).toContain('here are 3');
  });

  it('says plainly what could not be met and sends the nearest alternatives', async () => {
    const r = await runTurn(model, 'gold chain under 5000');
    expect(r.calls[1]?.args.skus).toEqual(['SJ-CHN-001', 'SJ-CHN-002']);
    expect(r.content).toContain('nothing for “up to ₹5,000”');
    expect(r.content).toContain('Here are the closest (₹58,800, ₹99,500).');
    expect(unbackedAmounts(r.content ?? '', r.resultsText)).toEqual([]);
  });

  it('asks one refining question when nothing at all is found, and sends nothing', async () => {
    const r = await runTurn(model, 'rose gold');
    expect(names(r)).toEqual([TOOL.searchProducts, TOOL.suggestReplies]);
    expect(r.content).toBe('I could not find anything for rose gold. ✨ What budget do you have in mind?');
    expect(r.buttons).toEqual(['Gold', 'Silver', 'Talk to us']);
    const budgeted = await runTurn(model, 'rose gold under 1 lakh');
    expect(budgeted.content).toBe('I could not find anything for rose gold, up to ₹1,00,000. ✨ What is the occasion?');
    // With a piece named, it offers all of that piece rather than asking for more.
    const payal = await runTurn(model, 'platinum payal');
    expect(payal.content).toContain('Would you like to see all our anklets instead?');
    expect(payal.buttons).toEqual(['All anklets', 'Talk to us']);
  });

  it('"show more" searches the last query again and skips what was shown', async () => {
    const r = await runTurn(model, 'show more', { memory: { lastQuery: 'gold bangles', shownSkus: bangles } });
    expect(r.calls[0]?.args.query).toBe('gold bangle');
    expect(r.calls[1]?.args.skus).toEqual(['SJ-BNG-003']);
    expect(r.content).toContain('Here is 1 more, priced ₹72,300.');
    const all = await runTurn(model, 'aur dikhao', { memory: { lastQuery: 'gold bangles under 50k', shownSkus: bangles } });
    expect(names(all)).not.toContain(TOOL.sendProducts);
    expect(all.content).toContain('itna hi hai');
  });

  it('"in 18k" and "silver instead" refine the last query rather than start over', async () => {
    const k18 = await runTurn(model, 'in 18k', { memory: { lastQuery: 'gold bangles under 50k', shownSkus: bangles } });
    expect(k18.calls[0]?.args.query).toBe('18k gold bangle under 50000');
    expect(k18.calls[1]?.args.skus).toEqual(['SJ-BNG-004']);
    const silver = await runTurn(model, 'gold nahi, silver', { memory: { lastQuery: 'gold bangles', shownSkus: bangles } });
    expect(silver.calls[0]?.args.query).toBe('silver bangle');
    expect(silver.calls[1]?.args.skus).toEqual(['SJ-BNG-007']);
  });

  it('without the catalog skill it says it cannot look and calls nothing it does not have', async () => {
    const r = await runTurn(model, 'gold bangles', { tools: [TOOL.storeInfo, TOOL.suggestReplies, TOOL.handoff] });
    expect(r.calls).toEqual([]);
    expect(r.content).toContain('cannot look up our collection');
  });

  it('writes the list in words when send_products sent nothing (no public pictures)', async () => {
    const r = await runTurn(model, 'gold chains', { overrides: { [TOOL.sendProducts]: () => ({ sent: 0, skus: [], format: 'image_cards' }) } });
    expect(r.content).toContain('2. Box Gold Chain — 22K gold, 15.6 g — ₹99,500');
  });

  it('writes the list in words when send_products is not available', async () => {
    const r = await runTurn(model, 'gold chains', { tools: [TOOL.searchProducts, TOOL.suggestReplies] });
    expect(names(r)).toEqual([TOOL.searchProducts, TOOL.suggestReplies]);
    expect(r.content).toContain('1. Rope Gold Chain — 22K gold, 10.1 g — ₹58,800');
  });
});

describe('offline brain: one product', () => {
  it('"the second one" asks get_product for the second SKU shown and gives price, purity, weight and stock', async () => {
    const r = await runTurn(model, 'the second one', { memory: { lastQuery: 'gold bangles', shownSkus: bangles } });
    expect(r.calls[0]).toMatchObject({ name: TOOL.getProduct, args: { sku: 'SJ-BNG-002' } });
    expect(r.content).toContain('Filigree Gold Bangle is ₹48,500 (22K gold, 13.1 g), only 1 left.');
  });

  it('answers about the product the message replies to', async () => {
    const r = await runTurn(model, 'is this available?', { inbound: inbound('is this available?', { context: referred('SJ-BNG-006') }) });
    expect(r.calls[0]?.args).toEqual({ sku: 'SJ-BNG-006' });
    expect(r.content).toContain('out of stock at the moment');
  });

  it('says so when the SKU is not in the catalog, and asks which one when it cannot tell', async () => {
    const missing = await runTurn(model, 'SJ-XYZ-999 price?');
    expect(missing.content).toContain('could not find SJ-XYZ-999');
    const which = await runTurn(model, 'price?', { memory: { shownSkus: bangles } });
    expect(which.calls.filter((c) => c.name === TOOL.getProduct)).toEqual([]);
    expect(which.content).toContain('Which design');
  });

  it('a bare "yes" answers the agent\'s last question: a visit after an invitation, more after "see more?"', async () => {
    const invited = await runTurn(model, 'yes', {
      memory: { lastQuery: 'gold bangles', shownSkus: bangles },
      history: [{ role: 'user', content: 'the second one' }, { role: 'assistant', content: 'Filigree Gold Bangle is ₹48,500. Would you like to see it in the store?' }],
    });
    expect(invited.calls[0]).toMatchObject({ name: TOOL.storeInfo, args: { topic: 'all' } });
    const more = await runTurn(model, 'yes please', {
      memory: { lastQuery: 'gold bangles', shownSkus: bangles.slice(0, 2) },
      history: [{ role: 'user', content: 'gold bangles' }, { role: 'assistant', content: 'I found 6 designs. Would you like to see more?' }],
    });
    expect(more.calls[0]?.name).toBe(TOOL.searchProducts);
    expect(more.calls[1]?.args.skus).not.toContain('SJ-BNG-001');
  });

  it('treats a tapped list row whose id is a shown SKU as that product', async () => {
    const tap = inbound('Twisted Gold Bangle', { type: 'interactive', rawType: 'interactive', reply: { kind: 'list_reply', id: 'SJ-BNG-005', title: 'Twisted Gold Bangle', description: null } });
    const r = await runTurn(model, 'Twisted Gold Bangle', { inbound: tap, memory: { shownSkus: bangles } });
    expect(r.calls[0]?.args).toEqual({ sku: 'SJ-BNG-005' });
    expect(r.content).toContain('₹36,750');
  });
});

describe('offline brain: store, policy, discount, people', () => {
  it('store timings come from store_info only', async () => {
    const r = await runTurn(model, 'what are your timings?');
    expect(r.calls[0]).toMatchObject({ name: TOOL.storeInfo, args: { topic: 'hours' } });
    expect(r.content).toContain('Today we are open 10:30–20:30 (open now). Our hours: Mon–Sat 10:30–20:30; Sun closed.');
    const closed = await runTurn(model, 'are you open today', { overrides: { [TOOL.storeInfo]: () => ({ ...STORE, today: 'closed', openNow: false }) } });
    expect(closed.content).toContain('We are closed today');
  });

  it('a visit request invites with today\'s hours and the address', async () => {
    const r = await runTurn(model, 'can I come tomorrow?');
    expect(r.calls[0]?.args).toEqual({ topic: 'all' });
    expect(r.content).toContain('10:30–20:30');
    expect(r.content).toContain('12 MG Road, Jaipur');
  });

  it('a policy question quotes the knowledge passage with its source', async () => {
    const r = await runTurn(model, 'what is your return policy?');
    expect(r.calls[0]).toMatchObject({ name: TOOL.searchKnowledge, args: { question: 'what is your return policy?' } });
    expect(r.content).toContain('As per our returns policy: “Gold jewellery can be returned within 7 days');
  });

  it('without an answer it promises to check and gives the phone; it never invents a policy', async () => {
    const unanswerable = await runTurn(model, 'do you have EMI?', { overrides: { [TOOL.searchKnowledge]: () => ({ answerable: false, passages: [] }) } });
    const absent = await runTurn(model, 'do you have EMI?', { tools: ALL_TOOLS.filter((t) => t !== TOOL.searchKnowledge) });
    for (const r of [unanswerable, absent]) {
      expect(r.content).toContain('I will check with our team and get back to you');
      expect(r.content).toContain(STORE.phone);
      expect(r.content).not.toMatch(/\d+ ?(days|%)|₹/);
    }
  });

  it('a discount ask explains pricing and offers the manager, with no amount', async () => {
    const r = await runTurn(model, 'any discount? best price batao');
    expect(r.calls.map((c) => c.name)).toEqual([TOOL.suggestReplies]);
    expect(r.content).toMatch(/gold rate/);
    expect(r.content).not.toMatch(/₹|\d+ ?%/);
    expect(r.buttons).toContain('Ask the manager');
  });

  it('a human request and a complaint hand off with a reason; the complaint apologises', async () => {
    const human = await runTurn(model, 'I want to talk to the manager');
    expect(human.calls[0]).toMatchObject({ name: TOOL.handoff, args: { reason: 'Asked for a person: I want to talk to the manager' } });
    expect(human.content).toContain('team will reply to you here soon');
    expect(human.content).not.toMatch(/sorry/i);
    const complaint = await runTurn(model, 'worst service, the chain broke in a week');
    expect(complaint.calls[0]?.args.reason).toMatch(/^Complaint: /);
    expect(complaint.content).toMatch(/sorry/i);
  });
});

describe('offline brain: greetings, goodbyes, stop, anything else', () => {
  it('greets with its own and the store name and three starting buttons', async () => {
    const r = await runTurn(model, 'hi', { shopperName: 'Priya Sharma' });
    expect(r.content).toContain('Priya');
    expect(r.content).toContain('Aarav');
    expect(r.content).toContain('Shree Jewellers');
    expect(r.buttons).toEqual(['Gold bangles', 'Bridal sets', 'Store timings']);
  });

  it('asked whether it is a bot, it says it is the store\'s digital assistant and offers a person', async () => {
    const r = await runTurn(model, 'are you a bot?', { persona: { length: 0 } });
    expect(r.content).toContain("I am the store's digital assistant; a person from our team can join anytime.");
    expect(r.buttons).toContain('Talk to us');
    expect(r.calls.map((c) => c.name)).not.toContain(TOOL.handoff);
  });

  it('thanks close warmly without tools; stop sells nothing', async () => {
    const thanks = await runTurn(model, 'thank you, bye');
    expect(thanks.calls).toEqual([]);
    expect(thanks.content).toMatch(/Thank you/);
    const stop = await runTurn(model, 'stop messaging me', { persona: { tenacity: 100, emoji: 100 } });
    expect(stop.calls).toEqual([]);
    expect(stop.content).toBe('Understood, I will not message you further. If you need anything, just write to us.');
  });

  it('answers every kind of message without words once, sensibly', async () => {
    const kinds = [
      inbound(null, { type: 'image' }), inbound(null, { type: 'video' }), inbound(null, { type: 'audio' }), inbound(null, { type: 'document' }),
      inbound(null, { type: 'sticker' }), inbound('👍', { type: 'reaction', reaction: { messageId: 'x', emoji: '👍' } }),
      inbound(null, { type: 'contacts', contacts: [{ name: 'Asha', phones: [], emails: [] }] }),
      inbound(null, { type: 'unsupported', unsupportedType: 'poll' }),
      inbound(null, { type: 'interactive', flow: { name: 'flow', body: 'Sent', responseJson: '{}', response: {}, flowToken: 't' } }),
    ];
    const replies = await Promise.all(kinds.map((m) => runTurn(model, '', { inbound: m })));
    for (const r of replies) expect(r.content).toBeTruthy();
    expect(replies[2]?.content).toContain('voice notes');
    expect(replies[7]?.content).toContain('cannot open this kind of message');
    expect(replies[8]?.content).toContain('received your details');
    // Image and video share their answer; every other kind has its own.
    expect(replies[1]?.content).toBe(replies[0]?.content);
    const distinct = replies.filter((_, k) => k !== 1).map((r) => r.content);
    expect(new Set(distinct).size).toBe(distinct.length);
  });

  it('an order is thanked, counted and handed to the team, never totalled', async () => {
    const order = inbound(null, {
      type: 'order',
      order: { catalogId: 'cat', text: null, items: [{ retailerId: 'SJ-BNG-001', quantity: 1, itemPrice: 45000, currency: 'INR' }, { retailerId: 'SJ-ERG-001', quantity: 2, itemPrice: 39900, currency: 'INR' }] },
    });
    const r = await runTurn(model, '', { inbound: order });
    expect(r.calls[0]).toMatchObject({ name: TOOL.handoff, args: { reason: 'Order of 3 item(s) to confirm: SJ-BNG-001, SJ-ERG-001' } });
    expect(r.content).toContain('order of 3 items');
    expect(r.content).not.toMatch(/₹|\d{4,}/);
  });

  it('a location gets the store address; a caption that asks is answered as words', async () => {
    const loc = await runTurn(model, '', { inbound: inbound(null, { type: 'location', location: { latitude: 26.9, longitude: 75.8, name: null, address: null, url: null } }) });
    expect(loc.content).toContain(STORE.address);
    const photo = await runTurn(model, 'do you have this in gold chain?', { inbound: inbound('do you have this in gold chain?', { type: 'image' }) });
    expect(photo.calls[0]?.name).toBe(TOOL.searchProducts);
  });

  it('a follow-up nudges about the product in focus, with its price from get_product', async () => {
    const r = await runTurn(model, '', { followUp: true, memory: { focusSku: 'SJ-BNG-002', lastQuery: 'gold bangles under 50k' }, persona: { tenacity: 100 } });
    expect(r.calls[0]).toMatchObject({ name: TOOL.getProduct, args: { sku: 'SJ-BNG-002' } });
    expect(r.content).toContain('still thinking about the Filigree Gold Bangle');
    expect(r.content).toContain('₹48,500');
    expect(r.content).toMatch(/reserve it for you/);
    const search = await runTurn(model, '', { followUp: true, memory: { lastQuery: 'gold bangles under 50k' } });
    expect(search.content).toContain('still looking for gold bangle?');
    expect(search.content).not.toMatch(/50/);
  });
});

describe('offline brain: honesty and determinism', () => {
  it('a failed tool gets "I will check", never a guessed fact', async () => {
    const r = await runTurn(model, 'gold bangles', { overrides: { [TOOL.searchProducts]: () => ({ error: 'search is down' }) } });
    expect(r.content).toContain('I will check with our team');
    expect(r.content).not.toMatch(/₹/);
  });

  it('every rupee amount in every reply appears in that turn\'s tool results', async () => {
    const messages = [
      'gold bangles under 50k', 'sone ki chain 1 lakh tak', 'gold chain under 5000', 'diamond studs', 'SJ-RNG-001 kitne ka hai',
      'the second one', 'cheaper ones', 'in 18k', 'any discount', 'return policy', 'silver bangle', 'platinum ring under 2 lakh',
    ];
    for (const persona of [{ length: 0 }, { length: 100, emoji: 100 }, { languages: ['hinglish' as const] }]) {
      for (const text of messages) {
        const r = await runTurn(model, text, { persona, memory: { lastQuery: 'gold bangles', shownSkus: bangles } });
        expect(unbackedAmounts(r.content ?? '', r.resultsText), text).toEqual([]);
        expect(r.content, text).toBeTruthy();
      }
    }
  });

  it('the same input gives the same output', async () => {
    const a = await runTurn(model, 'kuch gold jhumka dikhao 50k tak', { persona: { emoji: 80 } });
    const b = await runTurn(createOfflineModel(), 'kuch gold jhumka dikhao 50k tak', { persona: { emoji: 80 } });
    expect(b).toEqual(a);
  });

  it('only ever calls tools the agent has', async () => {
    const tools = [TOOL.searchProducts, TOOL.storeInfo];
    for (const text of ['hi', 'gold bangles', 'the second one', 'return policy', 'talk to a person', 'can I come tomorrow']) {
      const r = await runTurn(model, text, { tools, memory: { shownSkus: bangles } });
      for (const c of r.calls) expect(tools).toContain(c.name);
      expect(r.content).toBeTruthy();
    }
  });

  it('sends only SKUs the search returned', async () => {
    const r = await runTurn(model, 'gold', { persona: { length: 100 } });
    const returned = new Set(CATALOG.map((p) => p.sku));
    for (const sku of r.calls[1]?.args.skus as string[]) expect(returned.has(sku)).toBe(true);
  });
});
