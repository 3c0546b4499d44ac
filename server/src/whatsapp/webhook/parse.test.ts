import { describe, expect, it } from 'vitest';
import { parseWebhook, readWebhookBody, WebhookBodyError } from './parse.js';

const at = '2026-01-01T00:00:00.000Z';

describe('webhook parser', () => {
  it('reads several entries, changes, messages and statuses from one body, in order', () => {
    const change = (messages: unknown[], statuses: unknown[] = []) => ({ field: 'messages', value: { metadata: { phone_number_id: '42' }, contacts: [], messages, statuses } });
    const parsed = parseWebhook(
      [
        { changes: [change([{ id: 'm1', from: '1', type: 'text', text: { body: 'one' }, timestamp: '1700000000' }]), change([], [{ id: 'o1', status: 'sent', timestamp: '1700000001' }])] },
        { changes: [change([{ id: 'm2', from: '1', type: 'text', text: { body: 'two' } }])] },
      ],
      at,
    );
    expect(parsed.messages.map((m) => [m.id, m.text, m.phoneNumberId])).toEqual([['m1', 'one', '42'], ['m2', 'two', '42']]);
    expect(parsed.messages[1]?.timestamp).toBe(at);
    expect(parsed.statuses.map((s) => [s.wamid, s.status, s.timestamp])).toEqual([['o1', 'sent', '2023-11-14T22:13:21.000Z']]);
  });

  it('never throws on odd shapes: skips what has no id, keeps the rest', () => {
    const odd = [null, 3, 'x', [], { changes: null }, { changes: [null, { value: 5 }, { value: { messages: 'nope' } }] },
      { changes: [{ value: { contacts: 'x', errors: [null, { code: 'abc' }], messages: [null, { type: 'text' }, { id: 7, type: 'text', text: 'not an object', timestamp: 'soon' }, { id: 'm', type: ['x'], interactive: 5, order: { product_items: [null, { quantity: 2 }] } }], statuses: [{ id: 'z' }, { id: 's', status: 'read', errors: 'x' }] } }] }];
    const parsed = parseWebhook(odd, at);
    expect(parsed.messages.map((m) => [m.id, m.type, m.text])).toEqual([['7', 'text', null], ['m', 'unsupported', null]]);
    expect(parsed.messages[0]?.errors).toEqual([{ code: null, title: null, message: null, details: null, href: null }]);
    expect(parsed.statuses.map((s) => s.wamid)).toEqual(['s']);
    expect(parsed.skipped).toBeGreaterThan(0);
  });

  it('keeps a Flow reply whose response_json is not JSON, with no parsed response', () => {
    const [m] = parseWebhook([{ changes: [{ value: { messages: [{ id: 'f', type: 'interactive', interactive: { type: 'nfm_reply', nfm_reply: { response_json: '{oops', name: 'flow' } } }] } }] }], at).messages;
    expect(m?.flow).toMatchObject({ responseJson: '{oops', response: null, flowToken: null });
  });

  it('refuses bodies that are not JSON or not a webhook envelope', () => {
    const outcome = (raw: string) => {
      try {
        readWebhookBody(Buffer.from(raw));
        return 'ok';
      } catch (err) {
        return err instanceof WebhookBodyError ? err.outcome : 'other';
      }
    };
    expect(outcome('{"object":"whatsapp_business_account","entry":[]}')).toBe('ok');
    expect(outcome('')).toBe('bad_json');
    expect(outcome('{"object":')).toBe('bad_json');
    expect(outcome('null')).toBe('bad_shape');
    expect(outcome('{"object":1,"entry":[]}')).toBe('bad_shape');
    expect(outcome('{"object":"x","entry":{}}')).toBe('bad_shape');
  });
});
