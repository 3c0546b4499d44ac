import { describe, expect, it } from 'vitest';
import { productListMessage, replyButtonsMessage, textMessage } from '../whatsapp/index.js';
import { normaliseMessage } from './inbound.js';
import { buttonId, renderInbound, renderOutbound, saysStop } from './render.js';

const read = (m: Record<string, unknown>) => renderInbound(normaliseMessage(m, { waId: '919876543210' }, new Date('2026-03-02T05:00:00Z')));

describe('what the shopper said, as one line for the model', () => {
  it.each([
    [{ type: 'text', text: { body: 'gold  bangles\nunder 50k' } }, 'gold bangles under 50k'],
    [{ type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'row_2', title: 'Bridal sets', description: 'Heavy sets' } } }, 'Bridal sets'],
    [{ type: 'button', button: { payload: 'STOP', text: 'Stop promotions' } }, 'Stop promotions'],
    [{ type: 'image', image: { id: 'm1', mime_type: 'image/jpeg', caption: 'like this one?' } }, '[photo] like this one?'],
    [{ type: 'audio', audio: { id: 'm2', voice: true } }, '[voice note]'],
    [{ type: 'order', order: { catalog_id: 'c', text: 'please confirm', product_items: [{ product_retailer_id: 'SJ-1', quantity: 2, item_price: 100, currency: 'INR' }, { product_retailer_id: 'SJ-2', quantity: 1 }] } }, '[order] 2 × SJ-1, 1 × SJ-2 please confirm'],
    [{ type: 'location', location: { latitude: 19.07, longitude: 72.87, name: 'Dadar', address: 'Mumbai' } }, '[location] Dadar, Mumbai (19.07, 72.87)'],
    [{ type: 'interactive', interactive: { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent', response_json: '{"date":"2026-03-05","flow_token":"t"}' } } }, '[form] Sent date: 2026-03-05'],
    [{ type: 'text', text: { body: 'price?' }, context: { id: 'wamid.P', referred_product: { catalog_id: 'c', product_retailer_id: 'SJ-BNG-9' } } }, 'price? (about SKU SJ-BNG-9)'],
    [{ type: 'poll', poll: {} }, '[a message WhatsApp could not show: poll]'],
  ])('%j → %s', (m, line) => {
    expect(read(m)).toBe(line);
  });
});

describe('what we sent, as one line', () => {
  it('renders text, buttons and product lists', () => {
    expect(renderOutbound(textMessage('919876543210', 'Hello *there*'))).toBe('Hello *there*');
    expect(renderOutbound(replyButtonsMessage('919876543210', { body: 'Pick one', buttons: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }] }))).toBe('Pick one [buttons: A | B]');
    expect(renderOutbound(productListMessage('919876543210', { catalogId: '1', header: 'Gold bangles', body: 'Tap to see', sections: [{ title: '22K Bangles', productRetailerIds: ['X', 'Y'] }] }))).toBe('[product list: X, Y] Gold bangles Tap to see');
  });

  it('makes unique button ids from titles', () => {
    const taken = new Set<string>();
    expect([buttonId('Book a visit', taken), buttonId('Book a visit!', taken), buttonId('💍', taken)]).toEqual(['btn_book_a_visit', 'btn_book_a_visit_2', 'btn_reply']);
  });
});

describe('opting out', () => {
  it.each(['stop', 'STOP!', 'not interested', 'please stop messaging me', 'nahi chahiye', 'mat bhejo 🙏', 'unsubscribe'])('"%s" is a stop', (t) => {
    expect(saysStop(t)).toBe(true);
  });
  it.each(['gold nahi, silver dikhao', 'stop by the store tomorrow?', 'non stop earrings', 'is it interesting?', ''])('"%s" is not', (t) => {
    expect(saysStop(t)).toBe(false);
  });
});
