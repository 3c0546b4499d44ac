import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeMistral, type FakeMistral } from '../../../test/helpers/fake-mistral.js';
import { createModel, modelFromSettings, type ModelSettings } from './models.js';

let fake: FakeMistral;
beforeAll(async () => {
  fake = await startFakeMistral();
});
afterAll(async () => {
  await fake.close();
});

/** Settings as the factory reads them: one secret and plain values. */
function settingsWith(values: Record<string, unknown>, key?: string): ModelSettings & { values: Record<string, unknown>; key: string | undefined } {
  const s = {
    values,
    key,
    readSecret: (name: string) => (name === 'mistral.apiKey' ? s.key : undefined),
    getValue: (k: string) => s.values[k],
  };
  return s as ModelSettings & typeof s;
}

describe('createModel', () => {
  it('is offline without a key and Mistral with one', () => {
    expect(createModel({}).provider).toBe('offline');
    expect(createModel({ mistralApiKey: '   ' }).provider).toBe('offline');
    expect(createModel({ mistralApiKey: 'k' }).provider).toBe('mistral');
    expect(createModel({ provider: 'offline', mistralApiKey: 'k' }).provider).toBe('offline');
  });

  it('refuses Mistral without a key', () => {
    expect(() => createModel({ provider: 'mistral' })).toThrow(expect.objectContaining({ code: 'not_configured' }));
  });

  it('talks to the configured server with the configured chat model', async () => {
    const model = createModel({ mistralApiKey: fake.apiKey, mistralServerUrl: fake.url, chatModel: 'mistral-large-latest' });
    const res = await model.complete({ messages: [{ role: 'user', content: 'hi' }], tools: [], context: {} as never });
    expect(res.content).toBe('OK');
    expect(fake.chatCalls[fake.chatCalls.length - 1]?.body).toMatchObject({ model: 'mistral-large-latest' });
    // No tools: none offered and no tool_choice sent.
    expect(fake.chatCalls[fake.chatCalls.length - 1]?.body.tools).toBeUndefined();
  });
  it('logs Mistral retries when given a logger', async () => {
    const warnings: unknown[] = [];
    const model = createModel({ mistralApiKey: fake.apiKey, mistralServerUrl: fake.url, log: { warn: (obj: unknown) => void warnings.push(obj) } as never });
    fake.failNext(429);
    expect((await model.complete({ messages: [{ role: 'user', content: 'hi' }], tools: [], context: {} as never })).content).toBe('OK');
    expect(warnings).toEqual([expect.objectContaining({ attempt: 1, status: 429, provider: 'mistral' })]);
  });
});

describe('modelFromSettings', () => {
  it('follows the Mistral key and the brain.provider setting', () => {
    const s = settingsWith({});
    expect(modelFromSettings(s).provider).toBe('offline');
    s.key = 'secret-key';
    expect(modelFromSettings(s).provider).toBe('mistral');
    s.values['brain.provider'] = 'offline';
    expect(modelFromSettings(s).provider).toBe('offline');
    s.values['brain.provider'] = 'something-else';
    expect(modelFromSettings(s).provider).toBe('mistral');
    // Mistral asked for but no key: the shop still gets answers, offline.
    s.key = undefined;
    s.values['brain.provider'] = 'mistral';
    expect(modelFromSettings(s).provider).toBe('offline');
  });

  it('returns the same model until a setting changes', () => {
    const s = settingsWith({}, 'key-one');
    const first = modelFromSettings(s);
    expect(modelFromSettings(s)).toBe(first);
    s.key = 'key-two';
    const second = modelFromSettings(s);
    expect(second).not.toBe(first);
    expect(modelFromSettings(s)).toBe(second);
  });

  it('uses the key from settings against the given server', async () => {
    const s = settingsWith({ 'brain.chatModel': 'open-mistral-nemo' }, fake.apiKey);
    const res = await modelFromSettings(s, { mistralServerUrl: fake.url }).complete({ messages: [{ role: 'user', content: 'namaste' }], tools: [], context: {} as never });
    expect(res.content).toBe('OK');
    expect(fake.chatCalls[fake.chatCalls.length - 1]?.body.model).toBe('open-mistral-nemo');
  });
});
