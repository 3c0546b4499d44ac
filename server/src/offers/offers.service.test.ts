import { describe, expect, it } from 'vitest';
import { LiveMessageSchema, OFFER_TOOL, type Agent, type LiveMessage, type OfferDiscountResult, type Product, type StoreProfile } from '../contracts/index.js';
import { createCrmService } from '../crm/index.js';
import { migrate, openDatabase } from '../db/index.js';
import { Bus } from '../ops/index.js';
import { createSkillRegistry, type SkillContext } from '../skills/index.js';
import { DomainError } from '../shared/errors.js';
import type { GraphMessage } from '../whatsapp/index.js';
import { createOffers } from './index.js';
import { HOSTILE } from './offers.test-kit.js';

const product = (sku: string, name: string, category: Product['category'], price: number, style: string | null = null): Product =>
  ({ sku, name, category, style, price, metal: 'gold', purity: '22K', grossWeightGrams: 10, netWeightGrams: 10, stones: [], stoneCarat: null, stock: 3, description: '', gender: null, occasions: [], images: [], url: null }) as Product;

const PRODUCTS = [
  product('SJ-BNG-005', 'Twisted Gold Bangle', 'bangle', 43_000),
  product('SJ-NCK-004', 'Lakshmi Temple Necklace', 'necklace', 461_317, 'temple'),
  product('SJ-CON-001', 'Lakshmi 24K Gold Coin 10 g', 'other', 78_500, 'coin'),
];

function setup(opts: { config?: Record<string, unknown>; making?: Record<string, number>; sendFails?: boolean } = {}) {
  const { db } = openDatabase(':memory:');
  migrate(db);
  const bus = new Bus();
  const live: LiveMessage[] = [];
  bus.subscribe((m) => live.push(m));
  let t = Date.parse('2026-12-01T10:00:00.000Z');
  const clock = () => new Date(t);
  const advanceDays = (d: number) => (t += d * 86_400_000);
  const sent: { payload: GraphMessage; contactId: number }[] = [];
  const recorded: { type: string; detail: string; contactId?: number | null }[] = [];
  const signals: { contactId: number; reason?: string }[] = [];
  const crm = createCrmService(db);
  const offers = createOffers({
    db, bus, clock, timeZone: () => 'Asia/Kolkata',
    send: (payload, contactId) => {
      if (opts.sendFails) throw new DomainError('unavailable', 'The outbox is full');
      sent.push({ payload, contactId });
    },
    record: (e) => recorded.push(e),
    signal: (contactId, _what, data) => signals.push({ contactId, ...(data.reason ? { reason: data.reason } : {}) }),
    makingChargesOf: (sku) => opts.making?.[sku] ?? null,
  }).service;
  const skills = createSkillRegistry({
    search: { search: () => Promise.reject(new Error('no search here')) },
    catalog: { get: (sku) => PRODUCTS.find((p) => p.sku === sku) ?? null },
    catalogId: () => null,
    publicUrl: () => null,
    offers,
    now: clock,
  });
  const config = skills.normalize([{ id: 'discount_authority', enabled: true, config: opts.config ?? {} }]).find((s) => s.id === 'discount_authority')?.config ?? {};
  const agent = { id: 1, name: 'Aarav', skills: [{ id: 'discount_authority', enabled: true, config }] } as unknown as Agent;
  let n = 0;
  const shopper = () => {
    n += 1;
    const contact = crm.upsertFromWhatsApp({ waId: `9198765${String(n).padStart(5, '0')}`, name: `Shopper ${n}` });
    const ctx: SkillContext = { agent, contact, store: { name: 'Shree', timeZone: 'Asia/Kolkata' } as StoreProfile, to: contact.waId ?? '', inboundId: null, shownSkus: [] };
    const ask = async (args: Record<string, unknown>) => {
      const r = await skills.execute(OFFER_TOOL, args, ctx);
      return { ...r, result: r.result as unknown as OfferDiscountResult };
    };
    return { contact, ask };
  };
  return { db, offers, live, sent, recorded, signals, shopper, advanceDays, skills, agent };
}

describe('discount authority through the skill executor', () => {
  it('never stores a coupon above the cap for hostile model outputs, across caps and tenacity (property)', async () => {
    let seed = 42;
    const r = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    let offered = 0;
    for (const maxPercent of [0, 1, 2.5, 5, 7.5, 10]) {
      for (const tenacity of [0, 50, 100]) {
        const k = setup({ config: { maxPercent, tenacity, perCategory: { necklace: Math.min(maxPercent, 3) } } });
        for (let i = 0; i < 12; i++) {
          const s = k.shopper();
          for (let a = 0; a < 4; a++) {
            const wish = HOSTILE[Math.floor(r() * HOSTILE.length)];
            const sku = [undefined, 'SJ-BNG-005', 'SJ-NCK-004', 'SJ-CON-001'][Math.floor(r() * 4)];
            const res = await s.ask({ ...(sku ? { sku } : {}), percent: wish, asked: typeof wish === 'string' ? wish : 'discount?' });
            const cap = sku === 'SJ-CON-001' ? 0 : sku === 'SJ-NCK-004' ? Math.min(maxPercent, 3) : maxPercent;
            if (res.result.outcome === 'offered') {
              offered += 1;
              expect(res.result.percent).toBeGreaterThan(0);
              expect(res.result.percent).toBeLessThanOrEqual(cap);
            }
            if (cap === 0) expect(res.result.outcome).toBe('none');
          }
        }
        for (const c of k.offers.listCoupons().coupons) {
          const cap = c.sku === 'SJ-NCK-004' ? Math.min(maxPercent, 3) : maxPercent;
          expect(c.percent).toBeLessThanOrEqual(cap);
          expect(c.percent).toBeGreaterThan(0);
          expect(c.sku).not.toBe('SJ-CON-001');
          if (c.amount !== null) {
            expect(Number.isInteger(c.amount)).toBe(true);
            expect(c.amount).toBeGreaterThanOrEqual(0);
          }
        }
      }
    }
    expect(offered).toBeGreaterThan(200);
  });

  it('an agent whose saved settings are older (only maxPercent) still works, and a cap above 10% is refused on save', () => {
    const k = setup();
    expect(k.skills.normalize([{ id: 'discount_authority', enabled: true, config: { maxPercent: 4, onMakingChargesOnly: true } }]).find((s) => s.id === 'discount_authority')?.config).toMatchObject({
      maxPercent: 4, tenacity: 50, couponDays: 3, couponTemplate: '', excludedCategories: ['gold coin', 'bullion'],
    });
    expect(() => k.skills.normalize([{ id: 'discount_authority', enabled: true, config: { maxPercent: 12 } }])).toThrow(/At most 10%/);
  });

  it('offers within the cap as a coupon: percent, whole rupees on the making charges, code, expiry; in the Matrix line and on the deal', async () => {
    const k = setup({ config: { maxPercent: 5, tenacity: 0 }, making: { 'SJ-BNG-005': 4_300 } });
    const s = k.shopper();
    const r = await s.ask({ sku: 'SJ-BNG-005', asked: 'can you give a discount?' });
    expect(r.result).toMatchObject({ outcome: 'offered', percent: 5, amount: 215, amountText: '₹215', on: 'making', sku: 'SJ-BNG-005', atCap: true, codeSent: false });
    expect(r.result.code).toMatch(/^REV-[A-Z][A-Z0-9]{3}$/);
    expect(r.result.expiresAt).toBe('2026-12-04T10:00:00.000Z');
    expect(r.result.expiresText).toBe('4 Dec, 3:30 pm');
    expect(r.summary).toBe(`Offered 5% (₹215) on SJ-BNG-005, code ${r.result.code}`);
    expect(k.signals.at(-1)).toMatchObject({ contactId: s.contact.id, reason: expect.stringContaining(r.result.code ?? '') });
    // no making charges recorded: the price is discounted (floor of 5% of 43,000)
    const plain = await setup({ config: { maxPercent: 5, tenacity: 0, onMakingChargesOnly: true } }).shopper().ask({ sku: 'SJ-BNG-005' });
    expect(plain.result).toMatchObject({ on: 'price', amount: 2150 });
  });

  it('sends the code as a copy-code template button when the agent has a template', async () => {
    const k = setup({ config: { maxPercent: 5, tenacity: 0, couponTemplate: 'coupon_offer' } });
    const s = k.shopper();
    const r = await s.ask({ sku: 'SJ-BNG-005' });
    expect(r.result.codeSent).toBe(true);
    expect(r.messages).toEqual([
      {
        messaging_product: 'whatsapp', recipient_type: 'individual', to: s.contact.waId, type: 'template',
        template: {
          name: 'coupon_offer', language: { code: 'en' },
          components: [
            { type: 'body', parameters: [{ type: 'text', text: '5% off the price (₹2,150) on SJ-BNG-005' }, { type: 'text', text: '4 Dec, 3:30 pm' }] },
            { type: 'button', index: '0', sub_type: 'copy_code', parameters: [{ type: 'coupon_code', coupon_code: r.result.code }] },
          ],
        },
      },
    ]);
  });

  it('negotiates: successive asks concede by tenacity up to the cap; each new code replaces the last', async () => {
    const k = setup({ config: { maxPercent: 8, tenacity: 100 } });
    const s = k.shopper();
    const percents: number[] = [];
    const codes: string[] = [];
    for (let i = 0; i < 8; i++) {
      const r = await s.ask({ sku: 'SJ-BNG-005', asked: 'thoda aur kam karo' });
      percents.push(r.result.percent ?? -1);
      codes.push(r.result.code ?? '');
    }
    expect(percents[0]).toBe(2);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents.at(-1)).toBe(8);
    expect(new Set(codes).size).toBe(8);
    const coupons = k.offers.listCoupons({ contact: s.contact.id }).coupons;
    expect(coupons.filter((c) => c.status === 'active').map((c) => c.code)).toEqual([codes.at(-1)]);
    expect(coupons.filter((c) => c.status === 'replaced')).toHaveLength(7);
    // another shopper starts from the beginning
    expect((await k.shopper().ask({ sku: 'SJ-BNG-005' })).result.percent).toBe(2);
  });

  it('gives no discount on gold coins and bullion (excluded by default)', async () => {
    const k = setup({ config: { maxPercent: 10, tenacity: 0 } });
    const r = await k.shopper().ask({ sku: 'SJ-CON-001', percent: 5 });
    expect(r.result).toMatchObject({ outcome: 'none', code: null, percent: null });
    expect(k.offers.listCoupons().coupons).toEqual([]);
  });

  it('refuses an unknown SKU so the model can correct its call', async () => {
    const k = setup();
    await expect(k.shopper().ask({ sku: 'NOPE-1' })).rejects.toThrow(/not in the catalog/);
  });
});

describe('coupons at the counter', () => {
  it('redeems once; a second use, an expired and a replaced code are refused with the reason', async () => {
    const k = setup({ config: { maxPercent: 5, tenacity: 0, couponDays: 2 } });
    const a = k.shopper();
    const first = (await a.ask({ sku: 'SJ-BNG-005' })).result.code ?? '';
    const used = k.offers.redeem(first.toLowerCase());
    expect(used).toMatchObject({ code: first, status: 'used', usedAt: '2026-12-01T10:00:00.000Z' });
    expect(() => k.offers.redeem(first)).toThrow(/already used/);
    expect(k.recorded.at(-1)).toMatchObject({ type: 'DEAL', detail: expect.stringContaining(`Coupon ${first} redeemed`) });

    const b = k.shopper();
    const old = (await b.ask({ sku: 'SJ-BNG-005' })).result.code ?? '';
    const newer = (await b.ask({ sku: 'SJ-BNG-005' })).result.code ?? '';
    expect(() => k.offers.redeem(old)).toThrow(/replaced/);
    k.advanceDays(3);
    expect(k.offers.listCoupons({ status: 'expired' }).coupons.map((c) => c.code)).toEqual([newer]);
    expect(() => k.offers.redeem(newer)).toThrow(/expired/);
    expect(() => k.offers.redeem('REV-ZZZZ')).toThrow(DomainError);
  });
});

describe('approvals above the cap', () => {
  it('an ask above the cap waits for the owner (HANDOFF event, live message); approve sends the coupon through the outbox', async () => {
    const k = setup({ config: { maxPercent: 5, tenacity: 50 } });
    const s = k.shopper();
    await s.ask({ sku: 'SJ-BNG-005', asked: 'can you give a discount?' });
    const r = await s.ask({ sku: 'SJ-BNG-005', asked: 'make it 20%' });
    expect(r.result).toMatchObject({ outcome: 'approval', code: null });
    expect(r.summary).toBe('Asked 20% on SJ-BNG-005: manager approval requested');
    // asking again while it is pending does not queue a second request
    await s.ask({ sku: 'SJ-BNG-005', asked: '20% please' });
    const pending = k.offers.listApprovals('pending').approvals;
    expect(pending).toMatchObject([{ contactId: s.contact.id, askedPercent: 20, capPercent: 5, sku: 'SJ-BNG-005', price: 43_000, askedText: 'make it 20%', status: 'pending' }]);
    expect(k.recorded.filter((e) => e.type === 'HANDOFF')).toEqual([expect.objectContaining({ detail: 'Discount approval needed: asks 20% on SJ-BNG-005 (cap 5%)', contactId: s.contact.id })]);
    const approvalLive = k.live.filter((m) => m.type === 'offers.approval');
    expect(approvalLive).toHaveLength(1);
    for (const m of approvalLive) LiveMessageSchema.parse(m);

    const id = pending[0]?.id ?? 0;
    expect(() => k.offers.approve(id, { percent: 60 })).toThrow(/At most 50%/);
    expect(() => k.offers.approve(id, { percent: 'lots' })).toThrow(DomainError);
    const approved = k.offers.approve(id, { percent: 12 });
    expect(approved).toMatchObject({ status: 'approved', decidedPercent: 12, code: expect.stringMatching(/^REV-/) });
    expect(k.sent).toHaveLength(1);
    const text = (k.sent[0]?.payload as { text?: { body: string }; to: string });
    expect(text.to).toBe(s.contact.waId);
    expect(text.text?.body).toContain(`12% off the price (₹5,160) on SJ-BNG-005. Your code is *${approved.code}*`);
    expect(k.offers.listCoupons({ contact: s.contact.id, status: 'active' }).coupons).toMatchObject([{ code: approved.code, percent: 12, source: 'owner' }]);
    expect(() => k.offers.approve(id, { percent: 10 })).toThrow(/already approved/);
    expect(() => k.offers.decline(id)).toThrow(/already approved/);
  });

  it('decline tells the shopper, with the agent\'s standing offer', async () => {
    const k = setup({ config: { maxPercent: 5, tenacity: 0 } });
    const s = k.shopper();
    const standing = (await s.ask({ sku: 'SJ-BNG-005' })).result.code;
    await s.ask({ sku: 'SJ-BNG-005', percent: '15%' });
    const id = k.offers.listApprovals('pending').approvals[0]?.id ?? 0;
    expect(k.offers.decline(id)).toMatchObject({ status: 'declined', decidedPercent: null });
    const body = (k.sent[0]?.payload as unknown as { text: { body: string } }).text.body;
    expect(body).toContain('could not approve 15%');
    expect(body).toContain(`code *${standing}*`);
    expect(() => k.offers.approve(9999, { percent: 5 })).toThrow(/no discount request 9999/);
  });

  it('an answer that cannot be queued leaves the request pending and issues no code', async () => {
    const k = setup({ config: { maxPercent: 5 }, sendFails: true });
    await k.shopper().ask({ sku: 'SJ-BNG-005', percent: 20 });
    const id = k.offers.listApprovals('pending').approvals[0]?.id ?? 0;
    expect(() => k.offers.approve(id, { percent: 10 })).toThrow(/outbox is full/);
    expect(() => k.offers.decline(id)).toThrow(/outbox is full/);
    expect(k.offers.listApprovals('pending').approvals.map((a) => a.id)).toEqual([id]);
    expect(k.offers.listCoupons().coupons).toEqual([]);
  });
});
