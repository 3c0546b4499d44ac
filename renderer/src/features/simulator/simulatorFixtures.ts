import type { ThreadMessage } from '../../api/contracts';
import type { Obj } from './payload';

/**
 * Cloud API objects exactly as server/src/whatsapp/messages builds them for the shopper
 * +91 99999 00001 (the renderer may not import the server's builders, so they are written out).
 */
const envelope = { messaging_product: 'whatsapp', recipient_type: 'individual', to: '919999900001' } as const;

export const wa = {
  text: (body: string): Obj => ({ ...envelope, type: 'text', text: { preview_url: false, body } }),
  buttons: (body: string, buttons: { id: string; title: string }[], footer?: string): Obj => ({
    ...envelope,
    type: 'interactive',
    interactive: {
      type: 'button',
      body: { text: body },
      ...(footer ? { footer: { text: footer } } : {}),
      action: { buttons: buttons.map((b) => ({ type: 'reply', reply: { id: b.id, title: b.title } })) },
    },
  }),
  list: (): Obj => ({
    ...envelope,
    type: 'interactive',
    interactive: {
      type: 'list',
      header: { type: 'text', text: 'Our collections' },
      body: { text: 'What would you like to see?' },
      footer: { text: 'Lakshmi Jewellers' },
      action: {
        button: 'Choose a category',
        sections: [
          { title: 'Gold', rows: [{ id: 'cat_bangle', title: 'Bangles', description: 'Kadas and churis' }, { id: 'cat_chain', title: 'Chains' }] },
          { title: 'Silver', rows: [{ id: 'cat_payal', title: 'Payal' }] },
        ],
      },
    },
  }),
  product: (sku: string, body?: string): Obj => ({
    ...envelope,
    type: 'interactive',
    interactive: { type: 'product', ...(body ? { body: { text: body } } : {}), action: { catalog_id: '1234567890', product_retailer_id: sku } },
  }),
  productList: (sections: { title: string; skus: string[] }[]): Obj => ({
    ...envelope,
    type: 'interactive',
    interactive: {
      type: 'product_list',
      header: { type: 'text', text: 'Gold bangles under ₹50,000' },
      body: { text: 'Here are 2 bangles for you' },
      footer: { text: 'Prices include GST' },
      action: { catalog_id: '1234567890', sections: sections.map((s) => ({ title: s.title, product_items: s.skus.map((id) => ({ product_retailer_id: id })) })) },
    },
  }),
  image: (link: string, caption?: string): Obj => ({ ...envelope, type: 'image', image: { link, ...(caption ? { caption } : {}) } }),
  ctaUrl: (body: string, displayText: string, url: string): Obj => ({
    ...envelope,
    type: 'interactive',
    interactive: { type: 'cta_url', body: { text: body }, action: { name: 'cta_url', parameters: { display_text: displayText, url } } },
  }),
  template: (): Obj => ({
    ...envelope,
    type: 'template',
    template: {
      name: 'visit_reminder',
      language: { code: 'en' },
      components: [
        { type: 'body', parameters: [{ type: 'text', text: 'Priya' }, { type: 'text', text: 'Saturday 11 am' }] },
        { type: 'button', index: '0', sub_type: 'quick_reply', parameters: [{ type: 'payload', payload: 'CONFIRM' }] },
      ],
    },
  }),
};

/** A stand-in for the conversation engine behind /api/simulator: it stores the thread and answers with `reply`. */
export function fakeEngine(reply: (message: Obj) => Obj[] | Promise<Obj[]>) {
  const messages: ThreadMessage[] = [];
  let n = 0;
  const at = (i: number) => new Date(Date.UTC(2026, 2, 4, 6, 30 + i)).toISOString();
  const shown = (m: Obj): string => {
    const interactive = (m.interactive ?? {}) as Record<string, Record<string, string>>;
    return (m.text as { body?: string } | undefined)?.body ?? interactive.button_reply?.title ?? interactive.list_reply?.title ?? '';
  };
  const thread = () => ({
    id: 7,
    contactId: 3,
    channel: 'simulator',
    agentId: 1,
    state: 'open',
    optedOut: false,
    followUpsSent: 0,
    lastInboundAt: null,
    lastOutboundAt: null,
    createdAt: at(0),
    updatedAt: at(n),
    messages,
  });
  return {
    messages,
    routes: {
      'GET /api/simulator/thread?agentId=1': () => ({ json: { thread: messages.length ? thread() : null } }),
      'DELETE /api/simulator/thread?agentId=1': () => {
        messages.length = 0;
        return { json: { deleted: 1 } };
      },
      'POST /api/simulator/messages': async (req: { body: unknown }) => {
        const message = (req.body as { message: Obj }).message;
        const replies = await reply(message);
        n += 1;
        messages.push({ id: n, direction: 'in', messageId: `wamid.in.${n}`, kind: String(message.type), text: shown(message), payload: message, at: at(n) });
        for (const r of replies) {
          n += 1;
          messages.push({ id: n, direction: 'out', messageId: `out-${n}`, kind: String(r.type), text: '', payload: r, at: at(n) });
        }
        return { json: { replies, events: [] } };
      },
    },
  };
}
