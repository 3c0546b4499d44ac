// @vitest-environment jsdom
import '../../test/setup-dom';
import { notifications } from '@mantine/notifications';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Contact } from '../../api/contracts';
import { changeValue, cleanup, click, getButton, getByLabelText, hasText, queryByLabelText, waitFor } from '../../test/dom';
import { createFakeFetch } from '../../test/fakeFetch';
import { storeProfile } from '../../test/fixtures';
import { renderScreen } from '../../test/renderApp';
import { editCell, gridCell, shownSkus as shownIds, SLOW } from '../products/gridTestHelpers';
import { contact, contacts, detail, segments } from './audienceFixtures';
import { AudiencePage } from './AudiencePage';

// Each test draws the real grid: see SLOW.
vi.setConfig({ testTimeout: 120_000 });

type Routes = Parameters<typeof createFakeFetch>[0];
const PAGE = 'limit=500&offset=0';

afterEach(() => {
  cleanup();
  notifications.clean();
});

async function openAudience(routes: Routes = {}, rows: Contact[] = contacts()) {
  const fake = createFakeFetch({
    [`GET /api/contacts?${PAGE}`]: () => ({ json: { total: rows.length, contacts: rows } }),
    'GET /api/segments': () => ({ json: { segments: segments() } }),
    'GET /api/settings/store': () => ({ json: storeProfile() }),
    ...routes,
  });
  renderScreen(<AudiencePage />, { fetch: fake.fetch });
  await waitFor(() => shownIds().length === rows.length && rows.length > 0, 'the grid rows', SLOW);
  return fake;
}

/**
 * Ticks a row's checkbox. The grid fills its rows' cells in animation frames after the rows
 * appear, and may swap a cell's elements then: a click on a box that was swapped out is lost, so
 * the box is looked up again and clicked until the row shows as selected.
 */
async function selectRow(id: number) {
  const box = () => document.querySelector<HTMLInputElement>(`.ag-row[row-id="${id}"] .ag-selection-checkbox input`);
  const started = Date.now();
  while (box()?.checked !== true) {
    if (Date.now() - started > SLOW) throw new Error(`Row ${id} could not be selected`);
    const b = box();
    if (b) act(() => b.click());
    await waitFor(() => box()?.checked === true, `row ${id} selected`, 3000).catch(() => undefined);
  }
}

describe('Audience grid', () => {
  it('shows contacts with phones in international form, Indian-format spend and tag chips', async () => {
    await openAudience();
    expect(shownIds().sort()).toEqual(['1', '2', '3']);
    expect(gridCell('1', 'phone').textContent).toBe('+91 98765 43210');
    expect(gridCell('1', 'totalSpend').textContent).toBe('₹1,25,000');
    expect(gridCell('2', 'totalSpend').textContent).toBe('₹39,754');
    const chips = [...gridCell('1', 'tags').querySelectorAll('[data-tag]')].map((c) => c.textContent);
    expect(chips).toEqual(['#BridalShopper', '#GoldBangles']);
    expect(gridCell('2', 'optIn').textContent).toBe('Not asked');
    expect(gridCell('1', 'lastPurchaseAt').textContent).toBe('10 Feb 2026');
    expect(hasText('3 contacts')).toBe(true);
    // Segments beside the grid, with their counts.
    expect(document.querySelector('[aria-label="Big Spenders count"]')?.textContent).toBe('2');
  });

  it('quick filter finds a contact by #tag', async () => {
    await openAudience();
    changeValue(getByLabelText('Filter the grid'), '#pricesensitive');
    await waitFor(() => shownIds().length === 1, 'one row', SLOW);
    expect(shownIds()).toEqual(['3']);
  });

  it('saves an inline tag edit as a PATCH with the tags without #', async () => {
    const fake = await openAudience({
      'PATCH /api/contacts/2': (req) => ({ json: { ...detail({ ...contacts()[1], ...(req.body as object) }), tagDetails: [], merges: [] } }),
    });
    await editCell('2', 'tags', '#VIP, Diwali2026');
    await waitFor(() => gridCell('2', 'tags').textContent === '#VIP#Diwali2026', 'the saved chips', SLOW);
    expect(fake.requests.filter((r) => r.method === 'PATCH')).toEqual([expect.objectContaining({ url: '/api/contacts/2', body: { tags: ['VIP', 'Diwali2026'] } })]);
  });

  it('refuses a tag that is not one word before sending it', async () => {
    const fake = await openAudience();
    await editCell('2', 'tags', 'VIP, gold+diamond');
    await waitFor(() => hasText('“gold+diamond”'), 'the refusal', SLOW);
    expect(fake.requests.some((r) => r.method === 'PATCH')).toBe(false);
    expect(gridCell('2', 'tags').classList).toContain('revive-cell-invalid');
  });

  it('tags the selected contacts in bulk and reloads', async () => {
    let rows = contacts();
    const fake = await openAudience({
      [`GET /api/contacts?${PAGE}`]: () => ({ json: { total: rows.length, contacts: rows } }),
      'POST /api/contacts/bulk-tags': () => {
        rows = rows.map((c) => (c.id === 1 || c.id === 3 ? { ...c, tags: [...c.tags, 'Diwali2026'] } : c));
        return { json: { changed: 2 } };
      },
    });
    await selectRow(1);
    await selectRow(3);
    await waitFor(() => hasText('2 selected'), 'the bulk bar', SLOW);
    changeValue(getByLabelText('Tags for the selected contacts'), '#Diwali2026');
    click(getButton('Add tag'));
    await waitFor(() => gridCell('3', 'tags').textContent?.includes('#Diwali2026') ?? false, 'the new tag in the grid', SLOW);
    expect(fake.requests.find((r) => r.url === '/api/contacts/bulk-tags')?.body).toEqual({ ids: [1, 3], add: ['Diwali2026'], remove: [] });
    expect(gridCell('2', 'tags').textContent).toBe('');
    await waitFor(() => !hasText('2 selected'), 'the selection cleared', SLOW);
  });

  it('asks for test shoppers only when the toggle is on', async () => {
    const tester = contact({ id: 9, name: 'Simulator shopper', phone: '+919999900001', waId: '919999900001', isTest: true, source: 'simulator', tags: [] });
    const fake = await openAudience({ [`GET /api/contacts?test=1&${PAGE}`]: () => ({ json: { total: 4, contacts: [...contacts(), tester] } }) });
    expect(fake.requests.filter((r) => r.url.startsWith('/api/contacts?')).map((r) => r.url)).toEqual([`/api/contacts?${PAGE}`]);
    click(getByLabelText('Show test shoppers'));
    await waitFor(() => shownIds().includes('9'), 'the test shopper', SLOW);
    expect(fake.requests.at(-1)?.url).toBe(`/api/contacts?test=1&${PAGE}`);
    expect(gridCell('9', 'source').textContent).toBe('Simulator');
  });

  it('filters the grid by a segment and exports with the same filter', async () => {
    const fake = await openAudience({ [`GET /api/contacts?segment=1&${PAGE}`]: () => ({ json: { total: 2, contacts: contacts().slice(0, 2) } }) });
    const bigSpenders = [...document.querySelectorAll<HTMLElement>('nav[aria-label="Segments"] a, nav[aria-label="Segments"] button')].find((el) => el.textContent?.startsWith('Big Spenders'));
    if (!bigSpenders) throw new Error('No Big Spenders entry');
    click(bigSpenders);
    await waitFor(() => shownIds().length === 2, 'the segment rows', SLOW);
    expect(fake.requests.some((r) => r.url === `/api/contacts?segment=1&${PAGE}`)).toBe(true);
    expect(hasText('2 contacts in Big Spenders')).toBe(true);
    const link = [...document.querySelectorAll('a')].find((a) => a.textContent?.includes('Export CSV'));
    expect(link?.getAttribute('href')).toBe('/api/contacts/export.csv?segment=1');
  });

  it('opens a contact with why each tag was given, merges, and the conversation', async () => {
    const fake = await openAudience({
      'GET /api/contacts/1': () => ({ json: detail() }),
      'GET /api/threads?contact=1': () => ({ json: { threads: [{ id: 7, contactId: 1, channel: 'whatsapp', agentId: 1, state: 'open', optedOut: false, followUpsSent: 0, lastInboundAt: null, lastOutboundAt: null, createdAt: '2026-03-04T12:00:00.000Z', updatedAt: '2026-03-04T12:00:00.000Z' }] } }),
      'GET /api/threads/7': () => ({
        json: {
          id: 7, contactId: 1, channel: 'whatsapp', agentId: 1, state: 'open', optedOut: false, followUpsSent: 0, lastInboundAt: null, lastOutboundAt: null, createdAt: '2026-03-04T12:00:00.000Z', updatedAt: '2026-03-04T12:00:00.000Z',
          messages: [
            { id: 1, direction: 'in', messageId: 'wamid.1', kind: 'text', text: 'diamond ring under 50k', payload: {}, at: '2026-03-04T12:35:00.000Z' },
            { id: 2, direction: 'out', messageId: 'o1', kind: 'text', text: 'Here are three', payload: { type: 'text', text: { body: 'Here are three rings' } }, at: '2026-03-04T12:35:05.000Z' },
          ],
        },
      }),
    });
    click(getByLabelText('Open Priya Sharma'));
    await waitFor(() => hasText("Given automatically because they asked 'diamond ring under 50k'"), 'the tag reason', SLOW);
    expect(hasText('Added by you')).toBe(true);
    expect(hasText('Merged contact #9 through an import')).toBe(true);
    expect(hasText('took City, Birthday')).toBe(true);
    click(getButton('Open conversation'));
    await waitFor(() => hasText('Here are three rings'), 'the thread', SLOW);
    expect(document.querySelector('[aria-label="Shopper message"]')?.textContent).toContain('diamond ring under 50k');
    expect(fake.requests.some((r) => r.url === '/api/threads?contact=1')).toBe(true);
  });

  it('adds a contact by hand: blank fields left out, tags without #, then opens it', async () => {
    const created = { ...detail({ ...contacts()[0]!, id: 4, name: 'Meera Shah', phone: '+919876500004', tags: ['Bridal', 'VIP'] }), tagDetails: [], merges: [] };
    const fake = await openAudience({ 'POST /api/contacts': () => ({ json: created }), 'GET /api/contacts/4': () => ({ json: created }), 'GET /api/threads?contact=4': () => ({ json: { threads: [] } }) });
    click(getButton('Add contact'));
    await waitFor(() => queryByLabelText('Mobile') !== null, 'the form', SLOW);
    changeValue(getByLabelText('Name'), 'Meera Shah');
    changeValue(getByLabelText('Mobile'), '98765 00004');
    changeValue(getByLabelText('Birthday'), '1990-05-14');
    changeValue(getByLabelText('Tags'), '#Bridal, VIP');
    click(getButton('Save contact'));
    await waitFor(() => fake.requests.some((r) => r.method === 'POST'), 'the POST', SLOW);
    expect(fake.requests.find((r) => r.method === 'POST')?.body).toEqual({ phone: '98765 00004', optIn: 'unknown', name: 'Meera Shah', birthday: '1990-05-14', tags: ['Bridal', 'VIP'] });
    await waitFor(() => fake.requests.some((r) => r.url === '/api/contacts/4'), 'the new contact opened', SLOW);
  });

  it('shows why a new contact was refused and keeps what was typed', async () => {
    const fake = await openAudience({
      'POST /api/contacts': () => ({ status: 409, json: { error: { code: 'conflict', message: '+919876543210 is already a contact (Priya Sharma)', fields: { phone: 'This number is already in your contacts' } } } }),
    });
    click(getButton('Add contact'));
    await waitFor(() => queryByLabelText('Mobile') !== null, 'the form', SLOW);
    changeValue(getByLabelText('Birthday'), '14 May');
    changeValue(getByLabelText('Mobile'), '98765 43210');
    click(getButton('Save contact'));
    await waitFor(() => hasText('Use YYYY-MM-DD or MM-DD'), 'the date refused before sending', SLOW);
    expect(fake.requests.some((r) => r.method === 'POST')).toBe(false);
    changeValue(getByLabelText('Birthday'), '05-14');
    click(getButton('Save contact'));
    await waitFor(() => hasText('This number is already in your contacts'), 'the server refusal on the field', SLOW);
    expect(hasText('is already a contact (Priya Sharma)')).toBe(true);
    expect(getByLabelText('Mobile').value).toBe('98765 43210');
  });

  it('invites an import when there are no contacts', async () => {
    const fake = createFakeFetch({
      [`GET /api/contacts?${PAGE}`]: () => ({ json: { total: 0, contacts: [] } }),
      'GET /api/segments': () => ({ json: { segments: segments() } }),
    });
    renderScreen(<AudiencePage />, { fetch: fake.fetch });
    await waitFor(() => hasText('Import your customer list'), 'the empty state', SLOW);
    click(getButton('Import customers'));
    await waitFor(() => hasText('Drop your customer list here'), 'the wizard', SLOW);
  });
});
