import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeMistral, type FakeMistral } from '../../../../test/helpers/fake-mistral.js';
import { cosine, type Embedder } from './embedder.js';
import { createEmbedder } from './factory.js';
import { createMistralEmbedder, MISTRAL_EMBED_DIMENSIONS } from './mistral.js';
import { createOfflineEmbedder } from './offline.js';

let fake: FakeMistral;
beforeAll(async () => {
  fake = await startFakeMistral();
});
afterAll(async () => {
  await fake.close();
});

const providers: [string, () => Embedder][] = [
  ['offline', () => createEmbedder({})],
  ['mistral (fake server)', () => createEmbedder({ mistralApiKey: fake.apiKey, mistralServerUrl: fake.url })],
];

const norm = (v: Float32Array) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

describe.each(providers)('embedder contract: %s', (_name, make) => {
  it('returns one unit vector of the declared size per text, in order', async () => {
    const e = make();
    const texts = ['gold bangle', 'silver payal with ghungroo', 'Kundan bridal set'];
    const vs = await e.embed(texts);
    expect(vs).toHaveLength(3);
    for (const v of vs) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v.length).toBe(e.dimensions);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
    // Order is kept: each vector is the one the text gets alone.
    for (const [i, t] of texts.entries()) expect(Array.from((await e.embed([t]))[0] ?? [])).toEqual(Array.from(vs[i] ?? []));
  });

  it('is deterministic and names its vector space', async () => {
    const e = make();
    const [a] = await e.embed(['Lakshmi temple jhumka']);
    const [b] = await make().embed(['Lakshmi temple jhumka']);
    expect(Array.from(a ?? [])).toEqual(Array.from(b ?? []));
    expect(e.id).toMatch(/\S/);
    expect(make().id).toBe(e.id);
  });

  it('embeds nothing for no texts and keeps order across many batches', async () => {
    const e = make();
    expect(await e.embed([])).toEqual([]);
    // Distinct words per text ("ring bej", "ring bei"…): digits alone are not words to the offline embedder.
    const word = (i: number) => String(i).replace(/\d/g, (d) => 'abcdefghij'[Number(d)] ?? '');
    const texts = Array.from({ length: 150 }, (_, i) => `ring ${word(i)}`);
    const vs = await e.embed(texts);
    expect(vs).toHaveLength(150);
    expect(cosine(vs[149] as Float32Array, (await e.embed([texts[149] ?? '']))[0] as Float32Array)).toBeCloseTo(1, 5);
    expect(cosine(vs[0] as Float32Array, vs[149] as Float32Array)).toBeLessThan(0.9999);
  });
});

describe('provider choice', () => {
  it('is offline without a key and Mistral with one, from the one factory', () => {
    expect(createEmbedder({}).id).toMatch(/^offline-/);
    expect(createEmbedder({ mistralApiKey: '  ' }).id).toMatch(/^offline-/);
    const m = createEmbedder({ mistralApiKey: 'k' });
    expect(m.id).toBe('mistral-embed');
    expect(m.dimensions).toBe(MISTRAL_EMBED_DIMENSIONS);
  });
});

describe('offline embedder', () => {
  it('puts typos and inflections near the word meant', async () => {
    const e = createOfflineEmbedder();
    const [neckless, necklace, bangle, ganesh, ganesha, lakshmi] = await e.embed(['neckless', 'necklace', 'bangle', 'ganesh', 'Siddhi Ganesha Pendant', 'Lakshmi Temple Pendant']);
    expect(cosine(neckless as Float32Array, necklace as Float32Array)).toBeGreaterThan(cosine(neckless as Float32Array, bangle as Float32Array) + 0.2);
    expect(cosine(ganesh as Float32Array, ganesha as Float32Array)).toBeGreaterThan(cosine(ganesh as Float32Array, lakshmi as Float32Array) + 0.1);
  });

  it('ties Hinglish names to their English meaning through the lexicon', async () => {
    const e = createEmbedder({});
    const [sone, gold, silver] = await e.embed(['sone ki chain', 'Classic 22K Gold Rope Chain', 'Figaro Sterling Silver Chain']);
    expect(cosine(sone as Float32Array, gold as Float32Array)).toBeGreaterThan(cosine(sone as Float32Array, silver as Float32Array));
    const [payal, anklet, ring] = await e.embed(['chandi ki payal', 'Delicate Sterling Silver Anklet', 'Star Kids Ring']);
    expect(cosine(payal as Float32Array, anklet as Float32Array)).toBeGreaterThan(cosine(payal as Float32Array, ring as Float32Array));
  });

  it('changes its id with its size, so an index built at another size is rebuilt', () => {
    expect(createOfflineEmbedder({ dimensions: 128 }).id).not.toBe(createOfflineEmbedder({ dimensions: 256 }).id);
  });
});

describe('Mistral embedder against a local fake of the API', () => {
  it('sends mistral-embed with at most 64 inputs per call and the bearer key', async () => {
    const before = fake.calls.length;
    const e = createMistralEmbedder({ apiKey: fake.apiKey, serverURL: fake.url });
    await e.embed(Array.from({ length: 100 }, (_, i) => `pendant ${i}`));
    const calls = fake.calls.slice(before);
    expect(calls.map((c) => (c.input as string[]).length)).toEqual([64, 36]);
    expect(calls.every((c) => c.model === 'mistral-embed' && c.path === '/v1/embeddings')).toBe(true);
    expect((calls[1]?.input as string[])[0]).toBe('pendant 64');
  });

  it('retries 429 and 5xx with backoff, then succeeds', async () => {
    const waits: number[] = [];
    const e = createMistralEmbedder({ apiKey: fake.apiKey, serverURL: fake.url, backoffMs: 10, sleep: async (ms) => void waits.push(ms) });
    const before = fake.calls.length;
    fake.failNext(429, 503, 500);
    const [v] = await e.embed(['nath']);
    expect(v?.length).toBe(1024);
    expect(fake.calls.length - before).toBe(4);
    // 429 carried Retry-After: 0; the 5xx waits grow.
    expect(waits[0]).toBe(0);
    expect(waits[2]).toBeGreaterThan(waits[1] ?? Infinity);
  });

  it('gives up after its attempts with an explained error', async () => {
    const e = createMistralEmbedder({ apiKey: fake.apiKey, serverURL: fake.url, attempts: 3, sleep: async () => undefined });
    const before = fake.calls.length;
    fake.failNext(502, 502, 502);
    await expect(e.embed(['kada'])).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('502') });
    expect(fake.calls.length - before).toBe(3);
  });

  it('does not retry a wrong key and says so', async () => {
    const e = createMistralEmbedder({ apiKey: 'wrong-key', serverURL: fake.url, sleep: async () => undefined });
    const before = fake.requests;
    await expect(e.embed(['ring'])).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/API key/) });
    expect(fake.requests - before).toBe(1);
  });
});
