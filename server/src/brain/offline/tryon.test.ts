import { describe, expect, it } from 'vitest';
import { TRY_ON_CAPTION } from '../../skills/tryon.skill.js';
import { createOfflineModel } from './model.js';
import { ALL_TOOLS, inbound, runTurn } from './test-kit.js';
import { onlyNudges, readNudges } from './tryon.js';

const model = createOfflineModel();
const WITH_TRY_ON = [...ALL_TOOLS, 'try_on'];
const photo = inbound(null, { type: 'image', rawType: 'image', media: { kind: 'image', id: 'MEDIA-1', mimeType: 'image/jpeg', sha256: null, caption: null, filename: null, url: null, voice: null, animated: null } });
const done = { ok: true, sku: 'SJ-BNG-001', name: 'Classic Gold Bangle', category: 'bangle', adjusted: false, nudges: [], usedToday: 1, maxPerDay: 3, note: '' };
const tryOn = (result: unknown) => ({ try_on: () => result });
/** What the engine keeps of the last try-on reply: the picture's caption, then the words. */
const afterTryOn = [{ role: 'assistant' as const, content: `[photo] Classic Gold Bangle (SJ-BNG-001) on your photo. ${TRY_ON_CAPTION}\nHere it is.` }];

describe('offline brain: try-on', () => {
  it('a photo with a product in focus → try_on with that product and the photo; the words say it is an impression', async () => {
    const out = await runTurn(model, '[photo]', { inbound: photo, tools: WITH_TRY_ON, memory: { shownSkus: ['SJ-BNG-001', 'SJ-BNG-002'] }, overrides: tryOn(done) });
    expect(out.calls.find((c) => c.name === 'try_on')?.args).toEqual({ sku: 'SJ-BNG-001', photoId: 'MEDIA-1' });
    expect(out.content).toMatch(/Classic Gold Bangle on your photo\. It is only an impression/);
    expect(out.buttons).toEqual(['Bigger', 'Smaller', 'Book a visit']);
  });

  it('a photo with nothing shown yet → asks which piece; try-on off → today’s reply', async () => {
    const ask = await runTurn(model, '[photo]', { inbound: photo, tools: WITH_TRY_ON });
    expect(ask.calls.some((c) => c.name === 'try_on')).toBe(false);
    expect(ask.content).toMatch(/Which piece would you like to try on/);
    const off = await runTurn(model, '[photo]', { inbound: photo, memory: { shownSkus: ['SJ-BNG-001'] } });
    expect(off.content).toMatch(/cannot see images yet/);
  });

  it.each([
    ['Can I try this on?', 'en'],
    ['pehen ke dikhao', 'hinglish'],
    ['how would it look on me', 'en'],
  ])('"%s" with a product in focus → try_on; no photo stored → asks for a photo of the hand', async (text) => {
    const out = await runTurn(model, text, { tools: WITH_TRY_ON, memory: { focusSku: 'SJ-BNG-001' }, overrides: tryOn({ ok: false, reason: 'no_photo', message: 'no photo', sku: 'SJ-BNG-001', name: 'Classic Gold Bangle', photoKind: 'hand photo' }) });
    expect(out.calls.find((c) => c.name === 'try_on')?.args).toEqual({ sku: 'SJ-BNG-001' });
    expect(out.content).toMatch(/haath ki ek photo|photo of your hand/);
  });

  it('"book a try-on visit" is not a virtual try-on', async () => {
    const out = await runTurn(model, 'I want to book a try on visit at the store', { tools: WITH_TRY_ON, memory: { focusSku: 'SJ-BNG-001' } });
    expect(out.calls.some((c) => c.name === 'try_on')).toBe(false);
  });

  it('after a try-on picture, "thoda upar aur bada" adjusts it; the same words elsewhere do not', async () => {
    const out = await runTurn(model, 'thoda upar aur bada', { tools: WITH_TRY_ON, history: afterTryOn, overrides: tryOn({ ...done, adjusted: true, nudges: ['higher', 'bigger'] }) });
    expect(out.calls.find((c) => c.name === 'try_on')?.args).toEqual({ adjust: ['higher', 'bigger'] });
    expect(out.content).toMatch(/Adjust kar diya|Adjusted/);
    const cold = await runTurn(model, 'bigger', { tools: WITH_TRY_ON });
    expect(cold.calls.some((c) => c.name === 'try_on')).toBe(false);
  });

  it('the daily limit → says so and offers a visit', async () => {
    const out = await runTurn(model, '[photo]', { inbound: photo, tools: WITH_TRY_ON, memory: { focusSku: 'SJ-BNG-001' }, overrides: tryOn({ ok: false, reason: 'limit', message: 'limit' }) });
    expect(out.content).toMatch(/all the try-ons I can make for you today/);
    expect(out.buttons).toContain('Book a visit');
  });

  it.each([
    ['a bit higher', ['higher'], true],
    ['thoda upar aur bada', ['higher', 'bigger'], true],
    ['neeche', ['lower'], true],
    ['chhota karo, left', ['smaller', 'left'], true],
    ['move it right and make it smaller please', ['right', 'smaller'], true],
    ["yes that's right, I will come tomorrow", ['right'], false],
    ['nice, thanks', [], false],
  ])('nudges in "%s" → %j (only nudges: %s)', (text, want, only) => {
    expect(readNudges(text)).toEqual(want);
    expect(onlyNudges(text)).toBe(only);
  });
});
