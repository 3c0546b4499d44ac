import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/helpers/temp-server.js';
import type { ConversationEvent } from '../../contracts/index.js';
import { createDemoDataDir, openApp, type App } from '../../main.js';
import { findRupeeAmounts } from '../../skills/index.js';
import { CONNECTION_KEY } from '../../whatsapp/index.js';
import { ENGLISH } from './english.js';
import { CATALOG_ID, messageFor, view, type Script, type Seen } from './harness.js';
import { HINGLISH } from './hinglish.js';
import { SPECIAL } from './special.js';

/**
 * Scripted shopper conversations through the real engine and the offline brain on the demo store
 * (one demo data dir for the whole file, a Meta catalog connected so products go as product
 * messages). Each script is its own shopper; each turn asserts the Cloud API message objects.
 */
const SCRIPTS: Script[] = [...ENGLISH, ...HINGLISH, ...SPECIAL];

let dataDir: string;
let app: App;
let catalogSkus: Set<string>;
const agentIds: Record<string, number> = {};

/** Every turn run, for the rupee check over all scripts. */
const record: { script: string; turn: number; texts: string[]; events: ConversationEvent[] }[] = [];

beforeAll(async () => {
  dataDir = tempDir('revive-scripts-');
  await createDemoDataDir({ dataDir, logLevel: 'silent', backupsEnabled: false });
  app = openApp({ dataDir, logLevel: 'silent', backupsEnabled: false });
  app.settings.setValue(CONNECTION_KEY, { catalogId: CATALOG_ID });
  // The running server indexes the catalog in the background; a bare app must be synced once.
  await app.services.search.sync();
  catalogSkus = new Set(app.services.catalog.list().products.map((p) => p.sku));
  const agents = app.services.agents;
  agentIds.meera = agents.create({ name: 'Meera', role: 'Sales', persona: { tone: 0, tenacity: 0, emoji: 0, length: 0, languages: ['english', 'hinglish'] } }).id;
  agentIds.vikram = agents.create({ name: 'Vikram', role: 'Sales', persona: { tone: 100, tenacity: 100, emoji: 100, length: 100, languages: ['english', 'hinglish'] } }).id;
  agentIds.kavya = agents.create({ name: 'Kavya', role: 'Sales', persona: { tone: 50, tenacity: 50, emoji: 0, length: 40, languages: ['hindi', 'english'] } }).id;
}, 120_000);

afterAll(async () => {
  await app?.services.conversations.idle();
  app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The money a tool result holds: its numbers (price, makingCharges) and the ₹ amounts in its texts (priceText, filters, relaxed). */
function amountsIn(value: unknown, out = new Set<number>()): Set<number> {
  if (typeof value === 'number') out.add(value);
  else if (typeof value === 'string') for (const n of findRupeeAmounts(value)) out.add(n);
  else if (Array.isArray(value)) for (const v of value) amountsIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) amountsIn(v, out);
  return out;
}

function matches(text: string, p: string | RegExp): boolean {
  return typeof p === 'string' ? text.includes(p) : p.test(text);
}

describe('scripted shopper conversations (offline brain, real engine, demo store)', () => {
  it('has at least 40 scripts, each named once', () => {
    expect(SCRIPTS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(SCRIPTS.map((s) => s.name)).size).toBe(SCRIPTS.length);
  });

  SCRIPTS.forEach((script, k) => {
    it(script.name, async () => {
      const phone = `+91900000${String(k + 1).padStart(4, '0')}`;
      let previous: Seen[] = [];
      for (const [n, turn] of script.turns.entries()) {
        const where = `${script.name}, turn ${n + 1} (${JSON.stringify(turn.send)})`;
        const result = await app.services.conversations.chat({
          channel: 'simulator', phone, name: 'Asha', message: messageFor(turn.send, previous),
          ...(script.agent ? { agentId: agentIds[script.agent] } : {}),
        });
        const seen = result.replies.map(view);
        record.push({ script: script.name, turn: n + 1, texts: seen.flatMap((s) => s.allText), events: result.events });
        const e = turn.expect;
        const words = seen.map((s) => s.words ?? '').join('\n');
        const skus = seen.flatMap((s) => s.skus);

        expect(result.events.filter((ev) => ev.type === 'ERROR').map((ev) => ev.detail), where).toEqual([]);
        for (const sku of skus) expect(catalogSkus.has(sku), `${where}: ${sku} is a catalog SKU`).toBe(true);
        if (e.quiet) expect(result.replies, where).toEqual([]);
        else expect(result.replies.length, where).toBeGreaterThan(0);
        if (e.kinds) expect(seen.map((s) => s.kind), where).toEqual(e.kinds);
        if (e.skus) expect(skus, where).toEqual(e.skus);
        if (e.sections) expect(seen.flatMap((s) => s.sections), where).toEqual(e.sections);
        if (e.header) expect(seen.find((s) => s.kind === 'product_list')?.header, where).toBe(e.header);
        for (const p of e.says ?? []) expect(matches(words, p), `${where}: says ${String(p)} in ${JSON.stringify(words)}`).toBe(true);
        for (const p of e.saysNot ?? []) expect(matches(words, p), `${where}: does not say ${String(p)} in ${JSON.stringify(words)}`).toBe(false);
        if (e.buttons) expect(seen.flatMap((s) => s.buttons.map((b) => b.title)), where).toEqual(e.buttons);
        if (e.tools) expect(result.events.filter((ev) => ev.type === 'TOOL').map((ev) => ev.data.name), where).toEqual(e.tools);
        if (e.handoff !== undefined) expect(result.events.some((ev) => ev.type === 'HANDOFF'), where).toBe(e.handoff);
        previous = seen;
      }
    });
  });

  it('every rupee amount in every reply of every script is in that turn\'s tool results', () => {
    // Runs after the scripts (vitest runs a file's tests in order): all of them must have been recorded.
    const turns = SCRIPTS.reduce((n, s) => n + s.turns.length, 0);
    expect(record.length).toBe(turns);
    let amounts = 0;
    for (const r of record) {
      const results = r.events.filter((ev) => ev.type === 'TOOL').map((ev) => ev.data.result);
      const backed = amountsIn(results);
      for (const text of r.texts) {
        for (const amount of findRupeeAmounts(text)) {
          amounts += 1;
          expect(backed.has(amount), `${r.script}, turn ${r.turn}: ₹${amount.toLocaleString('en-IN')} in "${text}"`).toBe(true);
        }
      }
    }
    // The scripts do talk money: the check is not vacuous.
    expect(amounts).toBeGreaterThan(50);
  });
});
