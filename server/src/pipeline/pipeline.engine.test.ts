import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { LiveMessageSchema } from '../contracts/index.js';
import { kit, salesScript, scriptedModel, text } from '../conversations/test-kit.js';
import { createPipeline } from './index.js';

/** The real conversation engine (scripted model) with the pipeline listening on the same bus. */
function setup() {
  const k = kit({ model: scriptedModel(salesScript) });
  const p = createPipeline({ db: k.db, bus: k.bus, log: pino({ level: 'silent' }) });
  const say = (body: string) => k.service.chat({ channel: 'simulator', phone: '+919876543210', name: 'Asha', message: text(body) });
  return { k, p: p.service, say };
}

describe('deals from a scripted conversation through the real engine', () => {
  it('a shopper says hello, asks for bangles, then for a discount: New → Contacted → Interest with a value → Negotiating', async () => {
    const { k, p, say } = setup();
    await say('hi');
    let [deal] = p.list().deals;
    expect(deal).toMatchObject({ title: 'New enquiry', stage: 'contacted', agentId: 1, contactName: 'Asha', contactPhone: '+919876543210' });

    await say('show me gold bangles under 50000');
    [deal] = p.list().deals;
    // the two bangles found and shown; the value is the highest-priced of them
    expect(deal).toMatchObject({ title: 'Gold bangles', stage: 'interest', value: 48500, products: ['SJ-BNG-001', 'SJ-BNG-002'] });

    await say('thoda kam karo na');
    const d = p.get(deal!.id);
    expect(d.stage).toBe('negotiating');
    expect(d.history.map((h) => [h.from, h.to, h.by])).toEqual([
      [null, 'new', 'auto'], ['new', 'contacted', 'auto'], ['contacted', 'interest', 'auto'], ['interest', 'negotiating', 'auto'],
    ]);
    expect(d.history[0]?.reason).toBe('first message: "hi"');
    expect(d.history[2]?.reason).toBe('search_products: 2 products looked at');
    expect(d.history[3]?.reason).toContain('thoda kam karo na');
    // every move went out live (O1's event log turns them into DEAL events)
    const moves = k.live.filter((m) => (m as { type: string }).type === 'pipeline.deal').map((m) => LiveMessageSchema.parse(m)).flatMap((m) => (m.type === 'pipeline.deal' && m.moved ? [m.moved.to] : []));
    expect(moves).toEqual(['new', 'contacted', 'interest', 'negotiating']);
    expect(p.list().deals).toHaveLength(1);
  });

  it('a pipeline failure never breaks the conversation', async () => {
    const { k, say } = setup();
    k.db.exec('drop table deal_moves');
    const r = await say('hi');
    expect(r.replies).toHaveLength(1);
  });
});
