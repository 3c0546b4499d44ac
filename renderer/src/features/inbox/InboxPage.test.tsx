// @vitest-environment jsdom
import '../../test/setup-dom';
import { notifications } from '@mantine/notifications';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboxThread, InboxThreadDetail } from '../../api/contracts';
import { changeValue, cleanup, click, flush, getButton, getByLabelText, hasText, queryByLabelText, waitFor } from '../../test/dom';
import { createFakeFetch } from '../../test/fakeFetch';
import { renderScreen } from '../../test/renderApp';
import { InboxPage } from './InboxPage';
import { reasonChip } from './InboxList';

const at = '2026-12-01T10:00:00.000Z';
function thread(id: number, extra: Partial<InboxThread> = {}): InboxThread {
  return {
    id, contactId: id, contactName: `Shopper ${id}`, contactPhone: `+91987650000${id}`, channel: 'whatsapp', agentId: 1, agentName: 'Aarav', state: 'open', reason: null, handoffAt: null,
    lastMessage: { text: 'hi', direction: 'in', by: 'agent', at }, unread: 0, lastInboundAt: at, windowOpen: true, updatedAt: at, ...extra,
  };
}
const held = thread(1, { state: 'handoff', reason: 'negative sentiment (-0.82)', handoffAt: at, unread: 2 });
const detail = (t: InboxThread, more: Partial<InboxThreadDetail> = {}): InboxThreadDetail => ({
  ...t,
  messages: [
    { id: 1, direction: 'in', messageId: 'wamid.1', kind: 'text', text: 'worst service', payload: {}, at, by: 'agent' },
    { id: 2, direction: 'out', messageId: 'ob-1', kind: 'text', text: 'So sorry', payload: { type: 'text', text: { body: 'So sorry, a member of our team will reply.' } }, at, by: 'agent' },
  ],
  ...more,
});

function setup(first: InboxThreadDetail, reply: (body: unknown) => { status?: number; json?: unknown }) {
  return createFakeFetch({
    'GET /api/inbox': () => ({ json: { threads: [first, thread(2)], needsHuman: first.state === 'handoff' ? 1 : 0, unread: 1 } }),
    'GET /api/inbox/threads/1': () => ({ json: first }),
    'POST /api/inbox/threads/1/reply': (r) => reply(r.body),
    'POST /api/inbox/threads/1/hand-back': () => ({ json: { ...first, state: 'open', reason: null } }),
    'GET /api/offers/approvals?status=pending': () => ({ json: { approvals: [] } }),
    'GET /api/settings/store': () => ({ status: 404, json: { error: { code: 'not_configured', message: 'no store' } } }),
  });
}

/** Types into a textarea as React sees it (the shared helper covers inputs and selects). */
function typeInto(el: HTMLTextAreaElement, value: string): void {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

afterEach(() => {
  act(() => notifications.clean());
  cleanup();
});

describe('Inbox screen', () => {
  it('shows the held chat first with its reason, replies as the store, and hands back', async () => {
    const bodies: unknown[] = [];
    const d = detail(held);
    const fake = setup(d, (body) => {
      bodies.push(body);
      return { json: { ...d, messages: [...d.messages, { id: 3, direction: 'out', messageId: 'ob-2', kind: 'text', text: 'Calling you now', payload: { type: 'text', text: { body: 'Calling you now' } }, at, by: 'owner' }] } };
    });
    renderScreen(<InboxPage />, { fetch: fake.fetch, path: '/inbox' });
    await waitFor(() => hasText('So sorry, a member of our team will reply.'), 'the conversation');
    const items = [...document.querySelectorAll('[role="listitem"]')].map((el) => el.getAttribute('aria-label'));
    expect(items).toEqual(['Shopper 1, needs you: negative sentiment (-0.82), 2 unread', 'Shopper 2']);
    expect(hasText('Upset')).toBe(true);
    expect(hasText('negative sentiment (-0.82)')).toBe(true);

    typeInto(document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Reply"]')!, 'Calling you now');
    click(getButton('Send'));
    await waitFor(() => hasText('You (the store)'), 'the owner’s reply');
    expect(bodies).toEqual([{ text: 'Calling you now' }]);

    click(getButton('Hand back to Aarav'));
    await waitFor(() => hasText('Aarav is answering'), 'handed back');
  });

  it('outside the 24-hour window there is no reply box, only why', async () => {
    const fake = setup(detail(held, { windowOpen: false, lastInboundAt: '2026-11-29T10:00:00.000Z' }), () => ({ json: {} }));
    renderScreen(<InboxPage />, { fetch: fake.fetch, path: '/inbox' });
    await waitFor(() => hasText('Only a template can be sent now'), 'the window notice');
    expect(document.querySelector('textarea[aria-label="Reply"]')).toBeNull();
    expect(hasText('more than 24 hours ago')).toBe(true);
  });

  it('outside the window the owner picks an approved template, fills it and sends it to this shopper', async () => {
    const template = {
      id: '1', name: 'appointment_reminder', language: 'en', status: 'APPROVED', category: 'UTILITY', headerText: null, headerVariables: 0,
      bodyText: 'Hello {{1}}, your visit is on {{2}} at {{3}}.', bodyVariables: 3, bodyExamples: ['Meera', '2 December', '11:30 AM'], footerText: null,
      buttons: [], components: [], sendable: true, refusal: null,
    };
    const sent: unknown[] = [];
    const base = setup(detail(held, { windowOpen: false, lastInboundAt: '2026-11-29T10:00:00.000Z' }), () => ({ json: {} }));
    const fake = createFakeFetch({
      'GET /api/templates': () => ({ json: { fetchedAt: null, templates: [template, { ...template, id: '2', name: 'order_update', status: 'PENDING', sendable: false }] } }),
      'POST /api/templates/send': (r) => (sent.push(r.body), { json: { outboxId: 'ob-1', to: '+919876500001' } }),
    });
    const both: typeof fetch = (input, init) => (String(input).startsWith('/api/templates') ? fake.fetch(input, init) : base.fetch(input, init));
    renderScreen(<InboxPage />, { fetch: both, path: '/inbox' });
    await waitFor(() => queryByLabelText('Reply with a template') !== null, 'the template picker');
    click(getByLabelText('Reply with a template'));
    await waitFor(() => document.querySelectorAll('[role="option"]').length === 1, 'approved templates only');
    click(document.querySelector<HTMLElement>('[role="option"]')!);
    await waitFor(() => hasText('Send “appointment_reminder”'), 'the send dialog');
    expect(hasText('Shopper 1')).toBe(true);
    ['Meera', '3 December', '11:30 AM'].forEach((v, i) => changeValue(getByLabelText(`Body {{${i + 1}}}`), v));
    click(getButton('Send template'));
    await waitFor(() => sent.length === 1, 'the send');
    expect(sent[0]).toEqual({ contactId: 1, name: 'appointment_reminder', language: 'en', body: ['Meera', '3 December', '11:30 AM'], buttons: {} });
  });

  it('a refused reply keeps the draft and says why', async () => {
    const fake = setup(detail(held), () => ({ status: 409, json: { error: { code: 'conflict', message: 'The shopper last wrote more than 24 hours ago' } } }));
    renderScreen(<InboxPage />, { fetch: fake.fetch, path: '/inbox' });
    await waitFor(() => document.querySelector('textarea[aria-label="Reply"]') !== null, 'the reply box');
    typeInto(document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Reply"]')!, 'Are you coming?');
    click(getButton('Send'));
    await waitFor(() => hasText('The reply was not sent'), 'the error');
    await flush();
    expect(document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Reply"]')!.value).toBe('Are you coming?');
  });

  it('names the reason in a short chip', () => {
    expect(['negative sentiment (-0.9)', 'unhappy feedback (2★)', 'could not answer 2 times in a row', 'order of ₹2,50,000 to confirm', 'taken over by the owner', 'Complaint: broke', 'wants the manager'].map(reasonChip)).toEqual([
      'Upset', 'Unhappy feedback (2★)', 'Agent stuck', 'Big order', 'Taken over', 'Complaint', 'Asked for a person',
    ]);
  });
});
