// @vitest-environment jsdom
import '../../test/setup-dom';
import { notifications } from '@mantine/notifications';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, click, getButton, waitFor } from '../../test/dom';
import { createFakeFetch } from '../../test/fakeFetch';
import { renderScreen } from '../../test/renderApp';
import { ExportContacts, MAX_EXPORT_IDS } from './ExportContacts';

vi.setConfig({ testTimeout: 30_000 });
afterEach(() => {
  cleanup();
  notifications.clean();
  vi.restoreAllMocks();
});

const view = (ids: number[], columnFilters = true) => ({ columnFilters, shown: ids.length, ids: () => ids });

function setup(ids: number[], columnFilters = true) {
  const fake = createFakeFetch({ 'POST /api/contacts/export': () => ({ json: { fileName: 'contacts-filtered.csv', count: 2, csv: 'Name\r\nA\r\nB\r\n' } }) });
  const saved: string[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:x');
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push(this.download);
  });
  renderScreen(<ExportContacts url="/api/contacts/export.csv?segment=3" view={view(ids, columnFilters)} />, { fetch: fake.fetch });
  return { fake, saved };
}

describe('Export CSV', () => {
  it('is the server link for the segment while no column filter is set', () => {
    setup([1, 2], false);
    expect(document.querySelector('a[download]')?.getAttribute('href')).toBe('/api/contacts/export.csv?segment=3');
  });

  it('with column filters, sends the shown ids in the grid order and saves the answer', async () => {
    const { fake, saved } = setup([7, 3]);
    click(getButton('Export CSV (2 shown)'));
    await waitFor(() => saved.length === 1, 'the download');
    expect(fake.requests.find((r) => r.url === '/api/contacts/export')?.body).toEqual({ ids: [7, 3] });
    expect(saved).toEqual(['contacts-filtered.csv']);
  });

  it('says what to do when the filters leave more rows than a filtered export takes', async () => {
    const { fake } = setup(Array.from({ length: MAX_EXPORT_IDS + 1 }, (_, i) => i + 1));
    click(getButton('Export CSV (1,00,001 shown)'));
    await waitFor(() => document.body.textContent?.includes('Too many rows for a filtered export') ?? false, 'the message');
    expect(fake.requests).toEqual([]);
  });
});
