import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { kit, scriptedModel, type Step } from '../conversations/test-kit.js';
import type { BroadcastOutbox } from './broadcasts.service.js';
import { createCrm } from './crm.domain.js';
import { tagsFromText } from './auto-tags.js';
import { audienceKit } from './test-kit.js';

describe('contacts', () => {
  it('counts messages, opts out on "stop", and hides simulator shoppers unless asked', () => {
    const { contacts } = audienceKit();
    const real = contacts.upsertFromWhatsApp({ waId: '919876500001', name: 'Asha' });
    contacts.recordInbound(real.id, '2026-01-01T10:00:00.000Z');
    contacts.recordInbound(real.id, '2026-01-02T10:00:00.000Z');
    contacts.recordOutbound(real.id, '2026-01-02T10:00:05.000Z');
    expect(contacts.get(real.id)).toMatchObject({ messageCount: 2, lastInboundAt: '2026-01-02T10:00:00.000Z', lastMessageAt: '2026-01-02T10:00:05.000Z', optIn: 'unknown' });
    expect(contacts.setMarketingPreference({ waId: '919876500001' }, 'stop', '2026-01-03T00:00:00.000Z')).toMatchObject({ optIn: 'opted_out', marketingPreference: 'stop' });
    const sim = contacts.upsertFromWhatsApp({ waId: '919999900001', name: 'Sim', isTest: true });
    expect(sim).toMatchObject({ isTest: true, source: 'simulator' });
    expect(contacts.list().contacts.map((c) => c.id)).toEqual([real.id]);
    expect(contacts.list({ test: true }).total).toBe(2);
    // The same number later writing on real WhatsApp is a real shopper.
    contacts.recordInbound(sim.id, '2026-01-04T00:00:00.000Z');
    expect(contacts.get(sim.id).isTest).toBe(false);
  });

  it('creates by hand from any Indian phone form, refuses a number already there, edits inline', () => {
    const { contacts, live } = audienceKit();
    const c = contacts.create({ phone: '098765 43210', name: 'Asha', tags: ['VIP'], birthday: '05-14' });
    expect(c).toMatchObject({ phone: '+919876543210', name: 'Asha', source: 'manual', tags: ['VIP'], birthday: '05-14' });
    expect(() => contacts.create({ phone: '+91-98765-43210' })).toThrow(/already a contact/);
    expect(() => contacts.create({ phone: 'abc12' })).toThrow(/not a phone number/);
    const edited = contacts.update(c.id, { notes: 'Prefers 22k', tags: ['VIP', 'Bridal'], city: 'Pune' });
    expect(edited).toMatchObject({ notes: 'Prefers 22k', tags: ['VIP', 'Bridal'], city: 'Pune', name: 'Asha' });
    expect(edited.tagDetails.map((t) => t.source)).toEqual(['manual', 'manual']);
    expect(live.filter((m) => m.type === 'crm.contacts').at(-1)).toMatchObject({ ids: [c.id], contact: { notes: 'Prefers 22k' } });
  });

  it('merges two records of one person: newest non-empty field wins, tags unioned, messages summed, history kept', () => {
    const { contacts, db } = audienceKit();
    const older = contacts.create({ phone: '9876500001', name: 'Asha', city: 'Pune', tags: ['VIP'] });
    db.prepare("update contacts set updated_at = '2025-01-01T00:00:00.000Z', total_spend = 90000 where id = ?").run(older.id);
    const wa = contacts.upsertFromWhatsApp({ waId: '919876500002', name: 'Asha K' });
    contacts.recordInbound(wa.id, '2026-01-01T00:00:00.000Z');
    contacts.update(wa.id, { email: 'asha@example.com', tags: ['Bridal'] });
    const merged = contacts.merge(wa.id, older.id);
    expect(merged).toMatchObject({ id: wa.id, waId: '919876500002', phone: '+919876500002', name: 'Asha K', city: 'Pune', email: 'asha@example.com', totalSpend: 90000, messageCount: 1 });
    expect(merged.tags.sort()).toEqual(['Bridal', 'VIP']);
    expect(merged.merges).toEqual([expect.objectContaining({ mergedContactId: older.id, via: 'manual', fields: ['city', 'total_spend'] })]);
    expect(() => contacts.get(older.id)).toThrow(/no contact/);
  });

  it('joins an imported contact to the WhatsApp shopper with that number, recording it', () => {
    const { contacts } = audienceKit();
    const made = contacts.create({ phone: '98765 00001', name: 'Asha Mehta' });
    const wa = contacts.upsertFromWhatsApp({ waId: '919876500001', name: 'asha 💍' });
    expect(wa).toMatchObject({ id: made.id, waId: '919876500001', name: 'Asha Mehta' });
    expect(contacts.get(made.id).merges).toEqual([expect.objectContaining({ via: 'whatsapp', fields: ['wa_id'] })]);
    contacts.upsertFromWhatsApp({ waId: '919876500001' });
    expect(contacts.get(made.id).merges).toHaveLength(1);
  });
});

describe('tags', () => {
  it('bulk tags, renames, merges and bans; a banned tag is removed and refused', () => {
    const { contacts } = audienceKit();
    const a = contacts.create({ phone: '9876500001' });
    const b = contacts.create({ phone: '9876500002' });
    expect(contacts.tags.bulk({ ids: [a.id, b.id], add: ['Gold'] })).toEqual({ changed: 2 });
    expect(contacts.tags.bulk({ ids: [a.id], add: ['Goldd'], remove: ['Gold'] })).toEqual({ changed: 1 });
    expect(contacts.tags.rename({ from: 'Goldd', to: 'GoldLover' }).tags.map((t) => [t.tag, t.count])).toEqual([['Gold', 1], ['GoldLover', 1]]);
    expect(contacts.tags.merge({ from: ['Gold'], to: 'GoldLover' }).tags).toEqual([{ tag: 'GoldLover', count: 2, auto: 0, banned: false }]);
    expect(contacts.tags.ban({ tag: 'GoldLover', banned: true }).tags).toEqual([{ tag: 'GoldLover', count: 0, auto: 0, banned: true }]);
    expect(contacts.get(a.id).tags).toEqual([]);
    expect(() => contacts.tags.bulk({ ids: [a.id], add: ['GoldLover'] })).toThrow(/banned/);
    expect(contacts.tags.auto(a.id, 'GoldLover', 'asked')).toBe(false);
  });

  it('never gives back an auto tag the owner removed', () => {
    const { contacts } = audienceKit();
    const a = contacts.create({ phone: '9876500001' });
    expect(contacts.tags.auto(a.id, 'PriceSensitive', "asked: 'kuch kam karo'")).toBe(true);
    expect(contacts.get(a.id).tagDetails).toEqual([expect.objectContaining({ tag: 'PriceSensitive', source: 'auto', reason: "asked: 'kuch kam karo'" })]);
    contacts.update(a.id, { tags: [] });
    expect(contacts.tags.auto(a.id, 'PriceSensitive', "asked: 'best price?'")).toBe(false);
    expect(contacts.get(a.id).tags).toEqual([]);
  });
});

describe('auto-tagging', () => {
  it('reads what shoppers say in English and Hinglish', () => {
    const tags = (t: string) => tagsFromText(t).map((x) => x.tag);
    expect(tags('diamond ring under 50k')).toEqual(['InterestedInDiamonds']);
    expect(tags('shaadi ke liye dulhan set chahiye')).toContain('BridalShopper');
    expect(tags('sone ke kangan dikhao, kuch kam karo')).toEqual(expect.arrayContaining(['GoldBangles', 'PriceSensitive', 'Hinglish']));
    expect(tags('I want to book a visit on Sunday')).toEqual(['VisitBooked']);
    expect(tags('hello')).toEqual([]);
  });

  it('tags a shopper from a scripted conversation, with the reason', async () => {
    const script = (): Step => ({ content: 'Namaste!' });
    const searching = scriptedModel((req, n): Step => (n === 1 ? { calls: [{ name: 'search_products', args: { query: 'bridal diamond necklace' } }] } : script()));
    const k = kit({ model: searching });
    createCrm({ db: k.db, bus: k.bus, log: pino({ level: 'silent' }), dataDir: '/nonexistent', contacts: k.crm });
    await k.service.chat({ channel: 'simulator', phone: '+919876500001', name: 'Asha', message: { type: 'text', text: { body: 'sone ke kangan dikhao, best price batao' } } });
    const contact = k.crm.list({ test: true }).contacts[0];
    expect(contact?.isTest).toBe(true);
    const details = k.crm.get(contact?.id as number).tagDetails;
    const byTag = Object.fromEntries(details.map((t) => [t.tag, t.reason]));
    expect(byTag).toEqual({
      GoldBangles: "asked: 'sone ke kangan dikhao, best price batao'",
      PriceSensitive: "asked: 'sone ke kangan dikhao, best price batao'",
      Hinglish: "wrote in Hinglish: 'sone ke kangan dikhao, best price batao'",
      InterestedInDiamonds: "searched: 'bridal diamond necklace'",
      BridalShopper: "searched: 'bridal diamond necklace'",
    });
    expect(details.every((t) => t.source === 'auto')).toBe(true);
  });
});

describe('broadcasts', () => {
  it('sends the template to the segment through the outbox, skipping opted-out and test shoppers, and reports statuses', async () => {
    const sent: { payload: unknown; contactId?: number | null; correlationId?: string | null }[] = [];
    const status = new Map<string, { status: string; delivery: string | null }>();
    const outbox: BroadcastOutbox = {
      enqueueAll: (inputs) => inputs.map((i) => {
        sent.push(i);
        const id = `ob-${sent.length}`;
        status.set(id, { status: 'queued', delivery: null });
        return { id };
      }),
      get: (id) => status.get(id) as { status: string; delivery: string | null },
    };
    const k = audienceKit({ outbox });
    await k.crm.imports.importFile(k.file('b.csv', 'Name,Phone,Total Purchase,Opt-in\nAsha Mehta,9876500001,"2,00,000",yes\nRavi,9876500002,"3,00,000",no\nMeena,9876500003,"1,50,000",\n'));
    k.contacts.upsertFromWhatsApp({ waId: '919999900001', isTest: true });
    const big = k.crm.segments.find('Big Spenders');
    const b = k.crm.broadcasts.send(big.id, { template: 'diwali_offer', language: 'en', variables: ['{{name}}'] });
    expect(b).toMatchObject({ segmentName: 'Big Spenders', template: 'diwali_offer', total: 3, skippedOptOut: 1, skippedNoPhone: 0, queued: 2, sent: 0 });
    expect(sent[0]).toMatchObject({
      correlationId: `broadcast:${b.id}`,
      payload: { messaging_product: 'whatsapp', to: '919876500001', type: 'template', template: { name: 'diwali_offer', language: { code: 'en' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Asha' }] }] } },
    });
    expect(sent.map((s) => s.contactId)).toHaveLength(2);
    status.set('ob-1', { status: 'sent', delivery: 'read' });
    status.set('ob-2', { status: 'failed', delivery: 'failed' });
    expect(k.crm.broadcasts.list().broadcasts[0]).toMatchObject({ id: b.id, sent: 1, delivered: 1, read: 1, failed: 1 });
  });

  it('puts a coupon code on the template\'s copy-code button, at its approved position', async () => {
    const sent: { payload: unknown }[] = [];
    const outbox: BroadcastOutbox = { enqueueAll: (inputs) => inputs.map((i) => (sent.push(i), { id: `ob-${sent.length}` })), get: () => ({ status: 'queued', delivery: null }) };
    const k = audienceKit({ outbox });
    await k.crm.imports.importFile(k.file('b.csv', 'Name,Phone,Total Purchase\nAsha Mehta,9876500001,"2,00,000"\n'));
    const big = k.crm.segments.find('Big Spenders');
    k.crm.broadcasts.send(big.id, { template: 'diwali_offer', variables: ['{{name}}', '20%'], couponCode: 'DIWALI20' });
    expect((sent[0]?.payload as { template: { components: unknown[] } }).template.components).toEqual([
      { type: 'body', parameters: [{ type: 'text', text: 'Asha' }, { type: 'text', text: '20%' }] },
      { type: 'button', index: '0', sub_type: 'copy_code', parameters: [{ type: 'coupon_code', coupon_code: 'DIWALI20' }] },
    ]);
    expect(() => k.crm.broadcasts.send(big.id, { template: 'diwali_offer', couponCode: 'DIWALI-2026-MEGA-SALE' })).toThrow(/not valid/);

    // The template manager knows the layout: quick reply first, then the copy-code button at index 1.
    const known = audienceKit({ outbox, templateButtons: (name) => (name === 'diwali_offer' ? ['quick_reply', 'copy_code'] : name === 'hello' ? ['quick_reply'] : null) });
    await known.crm.imports.importFile(known.file('b.csv', 'Name,Phone,Total Purchase\nAsha Mehta,9876500001,"2,00,000"\n'));
    known.crm.broadcasts.send(known.crm.segments.find('Big Spenders').id, { template: 'diwali_offer', variables: ['{{name}}', '20%'], couponCode: 'DIWALI20' });
    expect((sent[1]?.payload as { template: { components: unknown[] } }).template.components[1]).toEqual({ type: 'button', index: '1', sub_type: 'copy_code', parameters: [{ type: 'coupon_code', coupon_code: 'DIWALI20' }] });
    expect(() => known.crm.broadcasts.send(known.crm.segments.find('Big Spenders').id, { template: 'hello', couponCode: 'DIWALI20' })).toThrow(/no copy-code button/);
  });

  it('says WhatsApp is not set up when there is no outbox', () => {
    const k = audienceKit();
    expect(() => k.crm.broadcasts.send(k.crm.segments.find('Cold Leads').id, { template: 'hello' })).toThrow(/not set up/);
  });
});
