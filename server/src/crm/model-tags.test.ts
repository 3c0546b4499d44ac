import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeMistral, type FakeMistral } from '../../../test/helpers/fake-mistral.js';
import { createMistralModel } from '../brain/mistral/index.js';
import { createOfflineModel } from '../brain/index.js';
import type { ConversationEvent, ConversationEventType } from '../contracts/index.js';
import { audienceKit } from './test-kit.js';

let fake: FakeMistral;
beforeAll(async () => {
  fake = await startFakeMistral();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.chatCalls.length = 0;
});

const mistral = () => createMistralModel({ apiKey: fake.apiKey, serverUrl: fake.url, sleep: async () => {} });

function event(contactId: number, type: ConversationEventType, detail: string, data: Record<string, unknown> = {}): ConversationEvent {
  return { type, time: '2026-12-01T10:00:00.000Z', agentId: 1, agentName: 'Aarav', contactId, threadId: 1, inboundId: null, detail, data };
}

function conversation(k: ReturnType<typeof audienceKit>, contactId: number, text: string) {
  for (const e of [
    event(contactId, 'INBOUND', text, { text }),
    event(contactId, 'TOOL', 'search_products: 4 products, ₹1,20,000–₹2,40,000', { name: 'search_products', args: { query: 'diamond necklace' } }),
    event(contactId, 'OUTBOUND', 'Here are 4 diamond necklaces for the wedding.'),
  ]) k.bus.publish({ type: 'conversation.event', time: e.time, event: e });
}

describe('auto-tagging with Mistral', () => {
  it('asks the model after a reply and gives its tags with the reasons, as proposals checked in code', async () => {
    const k = audienceKit({ tagModel: mistral });
    const c = k.contacts.upsertFromWhatsApp({ waId: '919876543210', name: 'Meera' });
    k.crm.contacts.tags.ban({ tag: 'RichCustomer', banned: true });
    fake.respond(() => ({
      toolCalls: [{
        name: 'tag_contact',
        arguments: {
          tags: [
            { tag: 'DiamondNecklace', reason: 'Asked for a diamond necklace' },
            { tag: 'WeddingGift', reason: 'For her daughter\'s wedding' },
            { tag: 'RichCustomer', reason: 'Budget above a lakh' },
            { tag: 'has spaces', reason: 'not a tag' },
            { tag: 'NoReason', reason: ' ' },
          ],
        },
      }],
    }));
    conversation(k, c.id, 'Looking for a diamond necklace for my daughter\'s wedding, budget 2 lakh');
    await k.crm.modelTagger.flush();

    expect(fake.chatCalls).toHaveLength(1);
    const sent = fake.chatCalls[0]!.body.messages;
    expect(sent[1]?.content).toContain('Shopper: Looking for a diamond necklace');
    expect(sent[1]?.content).toContain('Agent used search_products');
    expect(String(sent[0]?.content)).toContain('Never use these tags: RichCustomer');

    const detail = k.contacts.get(c.id);
    const byTag = new Map(detail.tagDetails.map((t) => [t.tag, t]));
    expect(byTag.get('DiamondNecklace')?.reason).toBe('Mistral: Asked for a diamond necklace');
    expect(byTag.get('WeddingGift')?.source).toBe('auto');
    expect(byTag.has('RichCustomer')).toBe(false);
    expect(byTag.has('has spaces')).toBe(false);
    expect(byTag.has('NoReason')).toBe(false);
  });

  it('gives at most five tags, never one the owner removed, and survives a failing model', async () => {
    const k = audienceKit({ tagModel: mistral });
    const c = k.contacts.upsertFromWhatsApp({ waId: '919876500000', name: 'Ravi' });
    k.crm.contacts.tags.bulk({ ids: [c.id], add: ['GoldCoins'], remove: [] });
    k.crm.contacts.tags.bulk({ ids: [c.id], add: [], remove: ['GoldCoins'] });
    fake.respond(() => ({ toolCalls: [{ name: 'tag_contact', arguments: { tags: ['GoldCoins', 'A1x', 'B1x', 'C1x', 'D1x', 'E1x', 'F1x'].map((tag) => ({ tag, reason: 'said so' })) } }] }));
    conversation(k, c.id, 'gold coin for dhanteras');
    await k.crm.modelTagger.flush();
    const tags = k.contacts.get(c.id).tags;
    expect(tags).not.toContain('GoldCoins');
    expect(tags.filter((t) => /^[A-F]1x$/.test(t))).toEqual(['A1x', 'B1x', 'C1x', 'D1x']);

    fake.respond(() => ({ status: 500, body: { message: 'down' } }));
    conversation(k, c.id, 'any diamond rings?');
    await expect(k.crm.modelTagger.flush()).resolves.toBeUndefined();
    expect(k.contacts.get(c.id).tags).toContain('InterestedInDiamonds'); // the offline tagger still tagged the words
  });

  it('does not call a model when the offline brain is in force', async () => {
    const k = audienceKit({ tagModel: () => createOfflineModel() });
    const c = k.contacts.upsertFromWhatsApp({ waId: '919876511111', name: 'Asha' });
    conversation(k, c.id, 'bridal set please');
    await k.crm.modelTagger.flush();
    expect(fake.chatCalls).toHaveLength(0);
    expect(k.contacts.get(c.id).tags).toContain('BridalShopper');
  });
});
