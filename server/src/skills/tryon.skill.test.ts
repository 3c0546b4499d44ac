import { describe, expect, it } from 'vitest';
import { PersonaSchema, type Agent, type Contact, type StoreProfile } from '../contracts/index.js';
import { createSkillRegistry, type SkillContext, type SkillDeps } from './index.js';
import { TRY_ON_CAPTION, type TryOnPort } from './tryon.skill.js';

const t = '2026-12-01T10:00:00Z';
const agent = (config: Record<string, unknown> = {}, enabled = true): Agent => ({
  id: 1, name: 'Riya', role: 'Sales', avatar: null, persona: PersonaSchema.parse({}), skills: [{ id: 'virtual_try_on', enabled, config }], knowledgeSources: [], status: 'active',
  isDefault: true, whenPaused: 'inbox', awayMessage: '', createdAt: t, updatedAt: t,
});
const ctx = (a: Agent, channel: SkillContext['channel'] = 'whatsapp'): SkillContext => ({
  agent: a, contact: { id: 7 } as Contact, store: { name: 'Shree' } as StoreProfile, to: '919876543210', inboundId: 'wamid.1', channel, shownSkus: ['SJ-BNG-0002', 'SJ-BNG-0001'],
});

function port(outcome: Awaited<ReturnType<TryOnPort['tryOn']>>) {
  const calls: Parameters<TryOnPort['tryOn']>[0][] = [];
  const p: TryOnPort = {
    async tryOn(req) {
      calls.push(req);
      return outcome;
    },
    async mediaFor(resultId, _jpeg, channel) {
      return channel === 'whatsapp' ? { id: `media-${resultId}` } : { link: `http://127.0.0.1:1/api/tryon/results/${resultId}/image` };
    },
  };
  return { p, calls };
}
const base: Omit<SkillDeps, 'tryon'> = { search: { search: () => Promise.reject(new Error('unused')) }, catalog: { get: () => null }, catalogId: () => null, publicUrl: () => null };
const ok = { ok: true as const, resultId: 12, jpeg: Buffer.from('jpeg'), sku: 'SJ-BNG-0002', name: 'Filigree Bangle', category: 'bangle', adjusted: false, nudges: [], usedToday: 1 };

describe('virtual_try_on skill', () => {
  it('is greyed without the try-on domain, and available (off by default) with it; old saved settings gain the new fields', () => {
    expect(createSkillRegistry(base).info().find((s) => s.id === 'virtual_try_on')).toMatchObject({ available: false });
    const registry = createSkillRegistry({ ...base, tryon: port(ok).p });
    expect(registry.info().find((s) => s.id === 'virtual_try_on')).toMatchObject({ available: true, defaultEnabled: false, defaultConfig: { maxPerDay: 3, retentionDays: 7, provider: 'offline' } });
    expect(registry.normalize([{ id: 'virtual_try_on', enabled: true, config: { maxPerDay: 5 } }]).find((s) => s.id === 'virtual_try_on')).toEqual({ id: 'virtual_try_on', enabled: true, config: { maxPerDay: 5, retentionDays: 7, provider: 'offline' } });
    expect(() => registry.normalize([{ id: 'virtual_try_on', enabled: true, config: { retentionDays: 365 } }])).toThrow(/retentionDays: At most 90 days/);
    expect(registry.toolsFor(agent()).map((d) => d.name)).toContain('try_on');
    expect(registry.toolsFor(agent({}, false)).map((d) => d.name)).not.toContain('try_on');
  });

  it('sends the picture as an image message with the disclaimer, passing the agent’s cap and retention and the product last shown', async () => {
    const { p, calls } = port(ok);
    const registry = createSkillRegistry({ ...base, tryon: p });
    const r = await registry.execute('try_on', { photoId: 'MEDIA-9' }, ctx(agent({ maxPerDay: 4, retentionDays: 3 })));
    expect(calls[0]).toEqual({ contactId: 7, channel: 'whatsapp', sku: 'SJ-BNG-0002', photoMediaId: 'MEDIA-9', nudges: [], maxPerDay: 4, retentionDays: 3 });
    expect(r.messages).toEqual([
      { messaging_product: 'whatsapp', recipient_type: 'individual', to: '919876543210', type: 'image', image: { id: 'media-12', caption: `Filigree Bangle (SJ-BNG-0002) on your photo. ${TRY_ON_CAPTION}` } },
    ]);
    expect(r.result).toMatchObject({ ok: true, sku: 'SJ-BNG-0002', usedToday: 1, maxPerDay: 4 });
    expect(r.summary).toBe("SJ-BNG-0002 on the shopper's photo (1 of 4 today)");
  });

  it('a nudge goes without a product (the last try-on’s); a refusal comes back as facts, with nothing sent', async () => {
    const { p, calls } = port({ ok: false, reason: 'limit', message: 'The shopper has had 3 try-ons in the last 24 hours' });
    const registry = createSkillRegistry({ ...base, tryon: p });
    const r = await registry.execute('try_on', { adjust: ['higher'] }, ctx(agent()));
    expect(calls[0]).toMatchObject({ sku: null, nudges: ['higher'] });
    expect(r.messages).toBeUndefined();
    expect(r.result).toEqual({ ok: false, reason: 'limit', message: 'The shopper has had 3 try-ons in the last 24 hours' });
    await expect(registry.execute('try_on', { adjust: ['sideways'] }, ctx(agent()))).rejects.toThrow(/adjust.0: Each adjustment is one of/);
  });
});
