import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, json, startTempServer, type TempServer } from '../../../test/helpers/temp-server.js';
import type { Agent, Approval, ChatResult, Coupon, InboxThreadDetail, InboxThreadList, OutboxList } from '../contracts/index.js';

let s: TempServer;
beforeAll(async () => {
  s = await startTempServer();
});
afterAll(() => s.stop());

const PHONE = '+919812300077';
const say = (text: string) => json<ChatResult>(s.send('POST', '/api/simulator/messages', { phone: PHONE, name: 'Meera', message: { type: 'text', text: { body: text } } }));
/** The words of the replies: texts, and the body of the reply-button message the final words go in. */
const words = (r: ChatResult) => r.replies.map((m) => (m as { text?: { body: string } }).text?.body ?? (m as { interactive?: { body?: { text: string } } }).interactive?.body?.text ?? '').join('\n');

describe('discount authority: offline conversation → approval → owner → outbox (API)', () => {
  let agent: Agent;

  it('with the skill off, a discount ask gets today\'s answer: no amount, the manager offered', async () => {
    agent = (await json<{ agents: Agent[] }>(s.api('/api/agents'))).agents[0] as Agent;
    const r = await say('can you give a discount?');
    expect(words(r)).toMatch(/cannot promise an offer/);
    expect(words(r)).not.toMatch(/REV-/);
  });

  it('switched on (cap 5%), the agent offers within the cap with a code and expiry; "make it 20%" goes to the manager', async () => {
    const skills = agent.skills.map((k) => (k.id === 'discount_authority' ? { ...k, enabled: true, config: { ...k.config, maxPercent: 5, tenacity: 50 } } : k));
    const patched = await s.send('PATCH', `/api/agents/${agent.id}`, { skills });
    expect(patched.status).toBe(200);

    const first = await say('can you give a discount?');
    const text = words(first);
    expect(text).toMatch(/I can offer you \d(\.5)?% off the making charges: your code is \*REV-[A-Z][A-Z0-9]{3}\*, valid till /);
    const tool = first.events.find((e) => e.type === 'TOOL' && (e.data as { name?: string }).name === 'offer_discount');
    expect(tool?.detail ?? '').toMatch(/Offered \d(\.5)?%, code REV-/);
    const code = /REV-[A-Z0-9]{4}/.exec(text)?.[0] ?? '';
    const coupons = await json<{ coupons: Coupon[] }>(s.api('/api/offers/coupons?status=active'));
    expect(coupons.coupons).toMatchObject([{ code, contactPhone: PHONE, source: 'agent', status: 'active', sku: null, amount: null }]);
    expect(coupons.coupons[0]?.percent).toBeLessThanOrEqual(5);

    const second = await say('make it 20%');
    expect(words(second)).toMatch(/asked our manager/);
    const approvals = await json<{ approvals: Approval[] }>(s.api('/api/offers/approvals?status=pending'));
    expect(approvals.approvals).toMatchObject([{ askedPercent: 20, capPercent: 5, askedText: 'make it 20%', contactPhone: PHONE, status: 'pending' }]);
  });

  it('the owner approves at 8%: the shopper gets the new code through the outbox; the request is closed', async () => {
    const [pending] = (await json<{ approvals: Approval[] }>(s.api('/api/offers/approvals?status=pending'))).approvals;
    const bad = await s.send('POST', `/api/offers/approvals/${pending?.id}/approve`, { percent: 75 });
    expect(bad.status).toBe(400);
    const ok = await json<Approval>(s.send('POST', `/api/offers/approvals/${pending?.id}/approve`, { percent: 8 }));
    expect(ok).toMatchObject({ status: 'approved', decidedPercent: 8, code: expect.stringMatching(/^REV-/) });
    const outbox = await json<OutboxList>(s.api('/api/whatsapp/outbox?limit=50'));
    const item = outbox.items.find((i) => i.correlationId === 'offers.approval');
    expect(item).toMatchObject({ to: PHONE.slice(1), kind: 'text' });
    expect(item?.preview).toContain(ok.code ?? 'missing');
    // The answer is in the shopper's thread as the owner's: the Inbox and the agent's next turn see the promise.
    const thread = (await json<InboxThreadList>(s.api('/api/inbox'))).threads.find((t) => t.contactPhone === PHONE);
    const detail = await json<InboxThreadDetail>(s.api(`/api/inbox/threads/${thread?.id}`));
    expect(detail.messages.at(-1)).toMatchObject({ direction: 'out', by: 'owner', messageId: item?.id });
    expect(detail.messages.at(-1)?.text).toContain(ok.code ?? 'missing');
    expect(detail.state).toBe(thread?.state);
    const again = await s.send('POST', `/api/offers/approvals/${pending?.id}/decline`, {});
    expect(again.status).toBe(409);
    expect((await json<{ approvals: Approval[] }>(s.api('/api/offers/approvals?status=pending'))).approvals).toEqual([]);
  });

  it('the owner redeems a code at the counter once; a second use is refused', async () => {
    const [active] = (await json<{ coupons: Coupon[] }>(s.api('/api/offers/coupons?status=active'))).coupons;
    const used = await json<Coupon>(s.send('POST', '/api/offers/coupons/redeem', { code: (active?.code ?? '').toLowerCase() }));
    expect(used).toMatchObject({ code: active?.code, status: 'used' });
    const twice = await s.send('POST', '/api/offers/coupons/redeem', { code: active?.code });
    expect(twice.status).toBe(409);
    expect((await errorOf(twice)).message).toMatch(/already used/);
    const unknown = await s.send('POST', '/api/offers/coupons/redeem', { code: 'REV-ZZZZ' });
    expect(unknown.status).toBe(404);
    expect((await s.send('POST', '/api/offers/coupons/redeem', { code: '' })).status).toBe(400);
    expect((await s.api('/api/offers/coupons?status=later')).status).toBe(400);
  });
});
