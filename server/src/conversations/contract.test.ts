import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { salesAssistantResponder, startFakeMistral, type FakeMistral } from '../../../test/helpers/fake-mistral.js';
import { tempDir } from '../../../test/helpers/temp-server.js';
import { createModel } from '../brain/index.js';
import type { ChatResult, ConversationEvent } from '../contracts/index.js';
import { createDemoDataDir, openApp, type App } from '../main.js';
import { CONNECTION_KEY } from '../whatsapp/index.js';

/**
 * The provider contract: the same conversations through the real engine on the demo store, once
 * with the offline brain (as Settings choose it without a key) and once with Mistral (the real
 * client against a local fake of the API that behaves like a sales model). Whatever the brain,
 * a shopper gets real catalog products, prices only from the tools, a person when asked for one,
 * and every turn leaves the same trail of events.
 */
type Provider = 'offline' | 'mistral';

let dataDir: string;
let fake: FakeMistral;
beforeAll(async () => {
  dataDir = tempDir('revive-contract-');
  await createDemoDataDir({ dataDir, logLevel: 'silent', backupsEnabled: false });
  // A Meta catalog is connected, so products go as WhatsApp product messages (image cards need a public address).
  const app = openApp({ dataDir, logLevel: 'silent', backupsEnabled: false });
  app.settings.setValue(CONNECTION_KEY, { catalogId: '354160437058781' });
  app.close();
  fake = await startFakeMistral();
  fake.respond(salesAssistantResponder());
}, 90_000);
afterAll(async () => {
  await fake?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

type Reply = {
  type: string;
  text?: { body: string };
  image?: { caption?: string };
  interactive?: {
    type: string;
    body?: { text: string };
    action?: { product_retailer_id?: string; sections?: { product_items?: { product_retailer_id: string }[] }[] };
  };
};

/** SKUs a reply shows: a product, a product list, or image cards captioned "SKU …". */
function skusIn(r: Reply): string[] {
  if (r.type === 'interactive' && r.interactive?.type === 'product') return [r.interactive.action?.product_retailer_id ?? ''];
  if (r.type === 'interactive' && r.interactive?.type === 'product_list') {
    return (r.interactive.action?.sections ?? []).flatMap((s) => (s.product_items ?? []).map((i) => i.product_retailer_id));
  }
  if (r.type === 'image') return [...(r.image?.caption ?? '').matchAll(/SKU (\S+)/g)].map((m) => m[1] ?? '');
  return [];
}

/** The words a reply says (a text, or the body of reply buttons); null for product messages and cards. */
function wordsOf(r: Reply): string | null {
  if (r.type === 'text') return r.text?.body ?? null;
  if (r.type === 'interactive' && r.interactive?.type === 'button') return r.interactive.body?.text ?? null;
  return null;
}

/** Every number anywhere in the tool results of a turn. */
function numbersIn(value: unknown, out = new Set<number>()): Set<number> {
  if (typeof value === 'number') out.add(value);
  else if (typeof value === 'string') for (const m of value.matchAll(/\d[\d,]*/g)) out.add(Number(m[0].replace(/,/g, '')));
  else if (Array.isArray(value)) for (const v of value) numbersIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) numbersIn(v, out);
  return out;
}

const rupeeAmounts = (text: string) => [...text.matchAll(/₹\s?([\d,]+)/g)].map((m) => Number((m[1] ?? '').replace(/,/g, '')));

describe.each<Provider>(['offline', 'mistral'])('conversation contract with the %s brain', (provider) => {
  let app: App;
  let catalogSkus: Set<string>;
  let phones = 0;
  beforeAll(() => {
    app = openApp({ dataDir, logLevel: 'silent', backupsEnabled: false });
    catalogSkus = new Set(app.services.catalog.list().products.map((p) => p.sku));
    // Offline: the brain Settings pick without a Mistral key. Mistral: the factory's Mistral model, aimed at the fake.
    app.services.conversations.setModel(provider === 'mistral' ? () => createModel({ provider: 'mistral', mistralApiKey: fake.apiKey, mistralServerUrl: fake.url }) : null);
  });
  afterAll(async () => {
    await app.services.conversations.idle();
    app.close();
  });

  /** One shopper message from a fresh shopper (each test its own thread). */
  async function say(body: string, phone = `+9198765${provider === 'mistral' ? 1 : 2}${String((phones += 1)).padStart(4, '0')}`): Promise<ChatResult & { replies: Reply[] }> {
    const result = await app.services.conversations.chat({ channel: 'simulator', phone, name: 'Asha', message: { type: 'text', text: { body } } });
    return result as ChatResult & { replies: Reply[] };
  }

  const types = (events: ConversationEvent[]) => events.map((e) => e.type);

  it('answers a product question with real catalog products and only prices the tools gave', async () => {
    const chatsBefore = fake.chatCalls.length;
    const r = await say('gold bangles under 50000');
    const shown = r.replies.flatMap(skusIn);
    expect(shown.length).toBeGreaterThan(0);
    for (const sku of shown) expect(catalogSkus).toContain(sku);

    const tools = r.events.filter((e) => e.type === 'TOOL');
    const search = tools.find((e) => e.data.name === 'search_products');
    expect(search?.data.args).toMatchObject({ query: expect.stringMatching(/bangle/i) });
    expect(search?.data.error).toBeNull();
    const sent = tools.find((e) => e.data.name === 'send_products');
    expect(sent?.data.error).toBeNull();
    expect((sent?.data.result as { skus: string[] }).skus).toEqual(expect.arrayContaining(shown));

    const words = r.replies.map(wordsOf).filter((w): w is string => Boolean(w));
    expect(words.length).toBeGreaterThan(0);
    const known = numbersIn(tools.map((e) => e.data.result));
    for (const amount of words.flatMap(rupeeAmounts)) expect(known).toContain(amount);
    expect(r.events.some((e) => e.type === 'ERROR')).toBe(false);
    if (provider === 'mistral') {
      // The words came from the model: every price it was shown by the tools, none it made up.
      const found = (search?.data.result as { products: { priceText: string }[] }).products;
      const last = words[words.length - 1] ?? '';
      expect(last).toContain(`I found ${found.length} pieces`);
      expect(rupeeAmounts(last).length).toBeGreaterThan(0);
      expect(fake.chatCalls.length - chatsBefore).toBe(3);
      expect(fake.chatCalls.slice(chatsBefore).every((c) => c.status === 200)).toBe(true);
    } else {
      expect(fake.chatCalls.length).toBe(chatsBefore);
    }
  }, 60_000);

  it('leaves the trail INBOUND → THINKING → TOOL → OUTBOUND, with the provider and token use on THINKING', async () => {
    const r = await say('show me silver payal');
    const t = types(r.events);
    expect(t[0]).toBe('INBOUND');
    expect(t[t.length - 1]).toBe('OUTBOUND');
    expect(t.indexOf('THINKING')).toBeGreaterThan(0);
    expect(t.indexOf('TOOL')).toBeGreaterThan(t.indexOf('THINKING'));
    expect(t.indexOf('OUTBOUND')).toBeGreaterThan(t.lastIndexOf('TOOL'));
    expect(t.filter((x) => x === 'OUTBOUND')).toHaveLength(r.replies.length);
    const thinking = r.events.filter((e) => e.type === 'THINKING');
    for (const e of thinking) {
      expect(e.data.provider).toBe(provider);
      expect(e.data.usage).toEqual({ promptTokens: expect.any(Number), completionTokens: expect.any(Number) });
    }
    if (provider === 'mistral') expect((thinking[0]?.data.usage as { promptTokens: number }).promptTokens).toBeGreaterThan(0);
    // …and the calls and tokens are recorded for the day, under this provider
    const used = app.services.conversations.usage().rows.filter((u) => u.provider === provider);
    expect(used.reduce((n, u) => n + u.calls, 0)).toBeGreaterThanOrEqual(thinking.length);
    const sum = (k: 'promptTokens' | 'completionTokens') => thinking.reduce((n, e) => n + (e.data.usage as Record<typeof k, number>)[k], 0);
    expect(used.reduce((n, u) => n + u.promptTokens, 0)).toBeGreaterThanOrEqual(sum('promptTokens'));
    if (provider === 'mistral') expect(app.services.conversations.usage().mistral.promptTokens).toBeGreaterThan(0);
    // Every event belongs to this turn's thread and inbound message.
    expect(new Set(r.events.map((e) => e.threadId)).size).toBe(1);
    expect(new Set(r.events.map((e) => e.inboundId)).size).toBe(1);
  }, 60_000);

  it('hands a shopper who asks for a person to a human, and then stays quiet', async () => {
    const phone = `+9198765${provider === 'mistral' ? 3 : 4}0001`;
    const r = await say('Can I talk to a human please?', phone);
    const handoff = r.events.find((e) => e.type === 'HANDOFF');
    expect(handoff).toBeDefined();
    expect(r.events.find((e) => e.type === 'TOOL' && e.data.name === 'handoff_to_human')).toBeDefined();
    const thread = app.services.conversations.thread(handoff?.threadId ?? -1);
    expect(thread.state).toBe('handoff');
    const later = await say('hello?', phone);
    expect(later.replies).toEqual([]);
    expect(types(later.events)).not.toContain('THINKING');
  }, 60_000);

  it('continues the same thread on the next message, with the conversation so far', async () => {
    const phone = `+9198765${provider === 'mistral' ? 5 : 6}0001`;
    const first = await say('gold bangles under 50000', phone);
    const chatsBefore = fake.chatCalls.length;
    const second = await say('Thank you!', phone);
    expect(second.replies.length).toBeGreaterThan(0);
    expect(types(second.events)).not.toContain('ERROR');
    expect(second.events[0]?.threadId).toBe(first.events[0]?.threadId);
    const thread = app.services.conversations.thread(second.events[0]?.threadId ?? -1);
    expect(thread.messages.filter((m) => m.direction === 'in').map((m) => m.text)).toEqual(['gold bangles under 50000', 'Thank you!']);
    if (provider === 'mistral') {
      // The model saw the earlier turn (and the API accepted the history's shape).
      const asked = fake.chatCalls.slice(chatsBefore);
      expect(asked.every((c) => c.status === 200)).toBe(true);
      const roles = asked[0]?.body.messages.map((m) => m.role) ?? [];
      expect(roles[0]).toBe('system');
      expect(roles.filter((r) => r === 'user').length).toBeGreaterThanOrEqual(2);
      expect(JSON.stringify(asked[0]?.body.messages)).toContain('gold bangles under 50000');
    }
  }, 60_000);

  it('greets a greeting with words, showing no products', async () => {
    const r = await say('Hi');
    expect(r.replies.length).toBeGreaterThan(0);
    expect(r.replies.flatMap(skusIn)).toEqual([]);
    const words = r.replies.map(wordsOf).filter((w): w is string => Boolean(w));
    expect(words.join(' ')).toMatch(/\w{2,}/);
    expect(r.events.filter((e) => e.type === 'TOOL' && ['search_products', 'send_products'].includes(String(e.data.name)))).toEqual([]);
    expect(types(r.events)).not.toContain('ERROR');
  }, 60_000);
});
