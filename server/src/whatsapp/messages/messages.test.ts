import { describe, expect, it } from 'vitest';
import {
  catalogMessage,
  ctaUrlMessage,
  documentMessage,
  flowMessage,
  imageMessage,
  listMessage,
  MessageLimitError,
  productListMessage,
  productMessage,
  readReceipt,
  replyButtonsMessage,
  templateMessage,
  textMessage,
} from './index.js';

const TO = '+919876543210';
const HEAD = { messaging_product: 'whatsapp', recipient_type: 'individual', to: '919876543210' };

function rows(n: number) {
  return Array.from({ length: n }, (_, i) => ({ id: `r${i}`, title: `Row ${i}` }));
}
function skus(n: number, prefix = 'SJ') {
  return Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
}
function limitOf(fn: () => unknown): { limit: string; message: string } {
  try {
    fn();
  } catch (err) {
    if (err instanceof MessageLimitError) return { limit: err.limit, message: err.message };
    throw err;
  }
  throw new Error('expected a MessageLimitError');
}

describe('message builders: exact bodies', () => {
  it('text with preview_url, as a reply', () => {
    expect(textMessage(TO, 'See https://shringar.example/rings', { previewUrl: true, replyTo: 'wamid.IN1' })).toEqual({
      ...HEAD,
      type: 'text',
      context: { message_id: 'wamid.IN1' },
      text: { preview_url: true, body: 'See https://shringar.example/rings' },
    });
  });

  it('a business-scoped user id goes in recipient, not to', () => {
    const m = textMessage('US.13491208655302741918', 'Namaste');
    expect(m.recipient).toBe('US.13491208655302741918');
    expect(m.to).toBeUndefined();
  });

  it('reply buttons with an image header and a footer', () => {
    expect(
      replyButtonsMessage(TO, {
        header: { image: { link: 'https://shop.example/media/ring.png' } },
        body: 'Shall I book a store visit?',
        footer: 'Shringar Jewellers',
        buttons: [
          { id: 'visit_yes', title: 'Yes, book it' },
          { id: 'visit_no', title: 'Not now' },
        ],
      }),
    ).toEqual({
      ...HEAD,
      type: 'interactive',
      interactive: {
        type: 'button',
        header: { type: 'image', image: { link: 'https://shop.example/media/ring.png' } },
        body: { text: 'Shall I book a store visit?' },
        footer: { text: 'Shringar Jewellers' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'visit_yes', title: 'Yes, book it' } },
            { type: 'reply', reply: { id: 'visit_no', title: 'Not now' } },
          ],
        },
      },
    });
  });

  it('list with two titled sections and a text header', () => {
    expect(
      listMessage(TO, {
        header: 'Our collections',
        body: 'What are you looking for?',
        button: 'Browse',
        sections: [
          { title: 'Gold', rows: [{ id: 'gold_rings', title: 'Rings', description: '22K, from ₹15,000' }] },
          { title: 'Silver', rows: [{ id: 'silver_payal', title: 'Payal' }] },
        ],
      }),
    ).toEqual({
      ...HEAD,
      type: 'interactive',
      interactive: {
        type: 'list',
        header: { type: 'text', text: 'Our collections' },
        body: { text: 'What are you looking for?' },
        action: {
          button: 'Browse',
          sections: [
            { title: 'Gold', rows: [{ id: 'gold_rings', title: 'Rings', description: '22K, from ₹15,000' }] },
            { title: 'Silver', rows: [{ id: 'silver_payal', title: 'Payal' }] },
          ],
        },
      },
    });
  });

  it('single product', () => {
    expect(productMessage(TO, { catalogId: '123456789', productRetailerId: 'SJ-RNG-0001', body: 'This one is 22K', footer: 'In stock' })).toEqual({
      ...HEAD,
      type: 'interactive',
      interactive: {
        type: 'product',
        body: { text: 'This one is 22K' },
        footer: { text: 'In stock' },
        action: { catalog_id: '123456789', product_retailer_id: 'SJ-RNG-0001' },
      },
    });
  });

  it('product_list with sections', () => {
    expect(
      productListMessage(TO, {
        catalogId: '123456789',
        header: 'Bangles under ₹50,000',
        body: 'Three picks for you',
        footer: 'Prices include making charges',
        sections: [
          { title: 'Gold', productRetailerIds: ['SJ-BNG-1', 'SJ-BNG-2'] },
          { title: 'Rose gold', productRetailerIds: ['SJ-BNG-9'] },
        ],
      }),
    ).toEqual({
      ...HEAD,
      type: 'interactive',
      interactive: {
        type: 'product_list',
        header: { type: 'text', text: 'Bangles under ₹50,000' },
        body: { text: 'Three picks for you' },
        footer: { text: 'Prices include making charges' },
        action: {
          catalog_id: '123456789',
          sections: [
            { title: 'Gold', product_items: [{ product_retailer_id: 'SJ-BNG-1' }, { product_retailer_id: 'SJ-BNG-2' }] },
            { title: 'Rose gold', product_items: [{ product_retailer_id: 'SJ-BNG-9' }] },
          ],
        },
      },
    });
  });

  it('catalog_message with a thumbnail product', () => {
    expect(catalogMessage(TO, { body: 'Browse our whole collection', thumbnailProductRetailerId: 'SJ-NCK-0003' })).toEqual({
      ...HEAD,
      type: 'interactive',
      interactive: {
        type: 'catalog_message',
        body: { text: 'Browse our whole collection' },
        action: { name: 'catalog_message', parameters: { thumbnail_product_retailer_id: 'SJ-NCK-0003' } },
      },
    });
  });

  it('cta_url', () => {
    expect(ctaUrlMessage(TO, { header: { text: 'Our store' }, body: 'Find us on the map', displayText: 'Open map', url: 'https://maps.example/shringar' })).toEqual({
      ...HEAD,
      type: 'interactive',
      interactive: {
        type: 'cta_url',
        header: { type: 'text', text: 'Our store' },
        body: { text: 'Find us on the map' },
        action: { name: 'cta_url', parameters: { display_text: 'Open map', url: 'https://maps.example/shringar' } },
      },
    });
  });

  it('flow that navigates to its first screen with data', () => {
    expect(
      flowMessage(TO, {
        body: 'Pick a time for your visit',
        cta: 'Book a visit',
        flow: { id: '1197715005513101' },
        token: 'appt-7f3a',
        screen: 'APPOINTMENT',
        data: { store: 'Pune' },
      }),
    ).toEqual({
      ...HEAD,
      type: 'interactive',
      interactive: {
        type: 'flow',
        body: { text: 'Pick a time for your visit' },
        action: {
          name: 'flow',
          parameters: {
            flow_message_version: '3',
            flow_token: 'appt-7f3a',
            flow_id: '1197715005513101',
            flow_cta: 'Book a visit',
            flow_action: 'navigate',
            flow_action_payload: { screen: 'APPOINTMENT', data: { store: 'Pune' } },
          },
        },
      },
    });
  });

  it('flow by name with data_exchange has no payload', () => {
    const m = flowMessage(TO, { body: 'How was your visit?', cta: 'Give feedback', flow: { name: 'feedback' }, action: 'data_exchange', token: 't1' });
    expect((m.interactive as { action: unknown }).action).toEqual({
      name: 'flow',
      parameters: { flow_message_version: '3', flow_token: 't1', flow_name: 'feedback', flow_cta: 'Give feedback', flow_action: 'data_exchange' },
    });
  });

  it('template with header image, body variables and copy_code + phone_number + url buttons', () => {
    expect(
      templateMessage(TO, {
        name: 'diwali_offer',
        language: 'en_US',
        header: { image: { id: '1234567890' } },
        body: ['Asha', '10%'],
        buttons: [{ type: 'copy_code', code: 'DIWALI10' }, { type: 'phone_number' }, { type: 'url', suffix: 'SJ-RNG-0001' }],
      }),
    ).toEqual({
      ...HEAD,
      type: 'template',
      template: {
        name: 'diwali_offer',
        language: { code: 'en_US' },
        components: [
          { type: 'header', parameters: [{ type: 'image', image: { id: '1234567890' } }] },
          { type: 'body', parameters: [{ type: 'text', text: 'Asha' }, { type: 'text', text: '10%' }] },
          { type: 'button', index: '0', sub_type: 'copy_code', parameters: [{ type: 'coupon_code', coupon_code: 'DIWALI10' }] },
          { type: 'button', index: '2', sub_type: 'url', parameters: [{ type: 'text', text: 'SJ-RNG-0001' }] },
        ],
      },
    });
  });

  it('template with named body variables and a quick reply', () => {
    const m = templateMessage(TO, { name: 'visit_reminder', language: 'hi', body: { customer_name: 'Asha' }, buttons: [{ type: 'quick_reply', payload: 'confirm' }] });
    expect(m.template).toEqual({
      name: 'visit_reminder',
      language: { code: 'hi' },
      components: [
        { type: 'body', parameters: [{ type: 'text', parameter_name: 'customer_name', text: 'Asha' }] },
        { type: 'button', index: '0', sub_type: 'quick_reply', parameters: [{ type: 'payload', payload: 'confirm' }] },
      ],
    });
  });

  it('image by uploaded id, document by link with a filename', () => {
    expect(imageMessage(TO, { id: '998877' }, { caption: 'Kundan set' })).toEqual({ ...HEAD, type: 'image', image: { id: '998877', caption: 'Kundan set' } });
    expect(documentMessage(TO, { link: 'https://shop.example/media/brochure.pdf' }, { filename: 'Bridal brochure.pdf' })).toEqual({
      ...HEAD,
      type: 'document',
      document: { link: 'https://shop.example/media/brochure.pdf', filename: 'Bridal brochure.pdf' },
    });
  });

  it('mark as read, with and without the typing indicator', () => {
    expect(readReceipt('wamid.IN1', { typing: true })).toEqual({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.IN1', typing_indicator: { type: 'text' } });
    expect(readReceipt('wamid.IN1')).toEqual({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.IN1' });
  });
});

describe('message builders: each limit is named', () => {
  const buttons = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `b${i}`, title: `Option ${i}` }));

  it.each([
    ['4 reply buttons', () => replyButtonsMessage(TO, { body: 'x', buttons: buttons(4) }), 'replyButtons', '4 reply buttons; WhatsApp allows 3'],
    ['no reply buttons', () => replyButtonsMessage(TO, { body: 'x', buttons: [] }), 'replyButtons', '0 reply buttons; WhatsApp needs at least 1'],
    [
      'a 24-character button title',
      () => replyButtonsMessage(TO, { body: 'x', buttons: [{ id: 'a', title: 'Book a visit to the shop' }] }),
      'replyButtonTitle',
      'The reply button title "Book a visit to the shop" is 24 characters; WhatsApp allows 20',
    ],
    ['two buttons with one id', () => replyButtonsMessage(TO, { body: 'x', buttons: [{ id: 'a', title: 'A' }, { id: 'a', title: 'B' }] }), 'replyButtonId', 'used twice'],
    ['11 list rows', () => listMessage(TO, { body: 'x', button: 'Open', sections: [{ rows: rows(11) }] }), 'listRows', '11 list rows; WhatsApp allows 10'],
    [
      '11 list sections',
      () => listMessage(TO, { body: 'x', button: 'Open', sections: Array.from({ length: 11 }, (_, i) => ({ title: `S${i}`, rows: [{ id: `r${i}`, title: 'R' }] })) }),
      'listSections',
      '11 list sections; WhatsApp allows 10',
    ],
    [
      'two untitled list sections',
      () => listMessage(TO, { body: 'x', button: 'Open', sections: [{ rows: rows(1) }, { rows: [{ id: 'z', title: 'Z' }] }] }),
      'listSectionTitle',
      'needs a title',
    ],
    ['a 25-character row title', () => listMessage(TO, { body: 'x', button: 'Open', sections: [{ rows: [{ id: 'a', title: 'Gold bangles for weddings' }] }] }), 'listRowTitle', '25 characters; WhatsApp allows 24'],
    ['a 73-character row description', () => listMessage(TO, { body: 'x', button: 'Open', sections: [{ rows: [{ id: 'a', title: 'A', description: 'd'.repeat(73) }] }] }), 'listRowDescription', 'WhatsApp allows 72'],
    ['a 21-character list button', () => listMessage(TO, { body: 'x', button: 'See all our bangles!!', sections: [{ rows: rows(1) }] }), 'listButton', '21 characters; WhatsApp allows 20'],
    [
      '31 products',
      () => productListMessage(TO, { catalogId: '1', header: 'H', body: 'B', sections: [{ title: 'A', productRetailerIds: skus(16) }, { title: 'B', productRetailerIds: skus(15, 'X') }] }),
      'productListItems',
      '31 products in a product list; WhatsApp allows 30',
    ],
    [
      '11 product sections',
      () => productListMessage(TO, { catalogId: '1', header: 'H', body: 'B', sections: Array.from({ length: 11 }, (_, i) => ({ title: `S${i}`, productRetailerIds: [`P${i}`] })) }),
      'productListSections',
      '11 product list sections; WhatsApp allows 10',
    ],
    ['product_list without a header', () => productListMessage(TO, { catalogId: '1', header: '', body: 'B', sections: [{ title: 'A', productRetailerIds: ['P'] }] }), 'headerText', 'needs a header'],
    ['product_list section without a title', () => productListMessage(TO, { catalogId: '1', header: 'H', body: 'B', sections: [{ title: '', productRetailerIds: ['P'] }] }), 'productSectionTitle', 'needs a title'],
    ['a body over 1,024 characters', () => replyButtonsMessage(TO, { body: 'a'.repeat(1025), buttons: buttons(1) }), 'interactiveBody', '1,025 characters; WhatsApp allows 1,024'],
    ['text over 4,096 characters', () => textMessage(TO, 'a'.repeat(4097)), 'textBody', 'The text is 4,097 characters; WhatsApp allows 4,096'],
    ['empty text', () => textMessage(TO, ''), 'textBody', 'empty'],
    ['a 61-character footer', () => replyButtonsMessage(TO, { body: 'x', footer: 'f'.repeat(61), buttons: buttons(1) }), 'footerText', 'WhatsApp allows 60'],
    ['a 61-character header', () => ctaUrlMessage(TO, { header: { text: 'h'.repeat(61) }, body: 'x', displayText: 'Go', url: 'https://a.example' }), 'headerText', 'WhatsApp allows 60'],
    ['a 21-character CTA', () => ctaUrlMessage(TO, { body: 'x', displayText: 'Open the store map now', url: 'https://a.example' }), 'ctaDisplayText', 'WhatsApp allows 20'],
    ['a CTA that is not a web address', () => ctaUrlMessage(TO, { body: 'x', displayText: 'Go', url: 'javascript:alert(1)' }), 'ctaUrl', 'not a web address'],
    ['a 21-character flow CTA', () => flowMessage(TO, { body: 'x', cta: 'Book your visit today', flow: { id: '1' }, screen: 'S' }), 'flowCta', 'WhatsApp allows 20'],
    ['a navigate flow without a screen', () => flowMessage(TO, { body: 'x', cta: 'Book', flow: { id: '1' } }), 'flowScreen', 'first screen'],
    ['a copy code over 15 characters', () => templateMessage(TO, { name: 'offer', language: 'en', buttons: [{ type: 'copy_code', code: 'DIWALI2026SPECIAL' }] }), 'copyCode', '17 characters; WhatsApp allows 15'],
    ['two copy code buttons', () => templateMessage(TO, { name: 'offer', language: 'en', buttons: [{ type: 'copy_code', code: 'A' }, { type: 'copy_code', code: 'B' }] }), 'templateCopyCodeButtons', 'WhatsApp allows 1'],
    ['a template name with capitals', () => templateMessage(TO, { name: 'Diwali Offer', language: 'en' }), 'templateName', 'not a template name'],
    ['a caption over 1,024 characters', () => imageMessage(TO, { id: '1' }, { caption: 'c'.repeat(1025) }), 'caption', 'WhatsApp allows 1,024'],
    ['a media link that is not http(s)', () => imageMessage(TO, { link: 'file:///etc/passwd' }), 'mediaLink', 'https://'],
    ['a recipient that is not a number', () => textMessage('call me', 'hi'), 'recipient', 'neither a phone number'],
  ])('%s', (_name, fn, limit, text) => {
    const e = limitOf(fn);
    expect(e.limit).toBe(limit);
    expect(e.message).toContain(text);
  });

  it('counts an emoji as one character, as WhatsApp does', () => {
    expect(() => replyButtonsMessage(TO, { body: 'x', buttons: [{ id: 'a', title: '💍'.repeat(20) }] })).not.toThrow();
    expect(limitOf(() => replyButtonsMessage(TO, { body: 'x', buttons: [{ id: 'a', title: '💍'.repeat(21) }] })).limit).toBe('replyButtonTitle');
  });

  it('is a validation error the HTTP layer turns into 400', () => {
    let caught: unknown;
    try {
      textMessage(TO, '');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(MessageLimitError);
    expect((caught as MessageLimitError).status).toBe(400);
    expect((caught as MessageLimitError).code).toBe('validation');
  });
});
