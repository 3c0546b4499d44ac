import { describe, expect, it } from 'vitest';
import { createOfflineModel } from './model.js';
import { refineQuery } from './query.js';
import { detectLanguage, editDistance, replyLanguage } from './text.js';
import { EMOJI, runTurn } from './test-kit.js';
import { TOOL } from './tools.js';

const model = createOfflineModel();
const emojis = (t: string | null) => (t ?? '').match(EMOJI)?.length ?? 0;
const sentences = (t: string | null) => (t ?? '').split(/(?<=[.?!।])\s+/).filter((s) => /\p{L}/u.test(s)).length;
const SAMPLES = ['hi', 'gold bangles under 50k', 'the second one', 'what are your timings', 'any discount', 'thanks', 'return policy', 'talk to a person'];
const memory = { lastQuery: 'gold bangles', shownSkus: ['SJ-BNG-001', 'SJ-BNG-002'] };

describe('offline brain: the persona shows', () => {
  it('emoji 0 writes none at all, anywhere; a high emoji slider writes several', async () => {
    for (const text of SAMPLES) {
      const none = await runTurn(model, text, { persona: { emoji: 0 }, memory });
      expect(emojis(none.content), text).toBe(0);
      expect(emojis(JSON.stringify(none.calls.map((c) => c.args))), text).toBe(0);
    }
    const high = await runTurn(model, 'gold bangles under 50k', { persona: { emoji: 100, length: 60 } });
    expect(emojis(high.content)).toBeGreaterThanOrEqual(2);
    expect(high.content).toMatch(/[✨💍💛]/u);
  });

  it('concise answers in one or two short sentences; detailed adds the list, purity and weight lines and a tip', async () => {
    const concise = await runTurn(model, 'gold bangles under 50k', { persona: { length: 0, tenacity: 50 } });
    const detailed = await runTurn(model, 'gold bangles under 50k', { persona: { length: 100, tenacity: 50 } });
    expect(sentences(concise.content)).toBeLessThanOrEqual(2);
    expect(concise.calls[1]?.args.skus).toHaveLength(3);
    expect(detailed.calls[1]?.args.skus).toHaveLength(5);
    expect(detailed.content).toContain('2. Filigree Gold Bangle — 22K gold, 13.1 g — ₹48,500');
    expect(detailed.content).toContain('Tip:');
    expect((detailed.content ?? '').length).toBeGreaterThan(2 * (concise.content ?? '').length);
    const product = await runTurn(model, 'the second one', { persona: { length: 100 }, memory });
    expect(product.content).toContain('Making charges: ₹4,500');
    expect(product.content).toContain('https://shop.example/SJ-BNG-002');
  });

  it('strict tone is formal with no exclamations; casual says "Hey"', async () => {
    const strict = await runTurn(model, 'hi', { persona: { tone: 0 } });
    const casual = await runTurn(model, 'hi', { persona: { tone: 100 } });
    expect(strict.content).toMatch(/^Namaste\./);
    expect(strict.content).toContain('How may I assist you?');
    expect(strict.content).not.toContain('!');
    expect(casual.content).toMatch(/^Hey!/);
    const strictHinglish = await runTurn(model, 'hi', { persona: { tone: 0, languages: ['hinglish'] } });
    expect(strictHinglish.content).toMatch(/^Namaste ji\./);
    expect(strictHinglish.content).toContain('aapki');
  });

  it('a Shark always ends with a call to action; Zen never pushes', async () => {
    for (const text of ['gold bangles under 50k', 'the second one', 'what are your timings', 'thanks']) {
      const shark = await runTurn(model, text, { persona: { tenacity: 100, length: 0 }, memory });
      const zen = await runTurn(model, text, { persona: { tenacity: 0, length: 0 }, memory });
      expect(shark.content, text).toMatch(/(Visit us today|reserve it for you)[^.]*\.$/);
      expect(zen.content, text).not.toMatch(/visit us today|reserve|would you like/i);
    }
  });

  it('answers Hinglish in Hinglish and Devanagari in Hindi when allowed; else in the first language', async () => {
    const hinglish = await runTurn(model, 'sone ki chain 1 lakh tak dikhao');
    expect(hinglish.content).toContain('design mile');
    expect(hinglish.buttons).toContain('Baat karein');
    const hindi = await runTurn(model, 'मुझे सोने की चूड़ियाँ चाहिए', { persona: { languages: ['hindi', 'english'] } });
    expect(hindi.content).toMatch(/डिज़ाइन मिले/);
    expect(hindi.buttons).toEqual(['और दिखाएं', 'विज़िट करें', 'बात करें']);
    const englishOnly = await runTurn(model, 'sone ki chain 1 lakh tak dikhao', { persona: { languages: ['english'] } });
    expect(englishOnly.content).toMatch(/^I found/);
  });

  it('keeps button titles within 20 characters and at most 3', async () => {
    for (const languages of [['english'], ['hinglish'], ['hindi']] as const) {
      for (const text of SAMPLES) {
        const r = await runTurn(model, text, { persona: { languages: [...languages] }, memory });
        const call = r.calls.find((c) => c.name === TOOL.suggestReplies);
        const buttons = (call?.args.buttons as string[] | undefined) ?? [];
        expect(buttons.length).toBeLessThanOrEqual(3);
        for (const b of buttons) expect(b.length).toBeLessThanOrEqual(20);
      }
    }
  });
});

describe('offline brain: reading helpers', () => {
  it('counts a transposition as one edit', () => {
    expect(editDistance('retrun', 'return')).toBe(1);
    expect(editDistance('availble', 'available')).toBe(1);
    expect(editDistance('gold', 'silver')).toBeGreaterThan(2);
  });

  it('picks the reply language from what the shopper wrote and what the persona allows', () => {
    expect(detectLanguage('gold bangles please')).toBe('english');
    expect(detectLanguage('mujhe gold chahiye')).toBe('hinglish');
    expect(replyLanguage('hinglish', ['english', 'hinglish'])).toBe('hinglish');
    expect(replyLanguage('hindi', ['english', 'hinglish'])).toBe('hinglish');
    expect(replyLanguage('hinglish', ['english'])).toBe('english');
  });

  it('refines a query: new filters replace old ones, "more" words add nothing', () => {
    expect(refineQuery('gold bangles under 50k', 'cheaper ones')).toBe('gold bangle under 50000 cheapest');
    expect(refineQuery('gold bangles under 50k', 'silver')).toBe('silver bangle under 50000');
    expect(refineQuery('22k gold chain', 'in platinum')).toBe('platinum chain');
    expect(refineQuery('sone ki chain 1 lakh tak', 'aur dikhao')).toBe('gold chain under 100000');
  });
});
