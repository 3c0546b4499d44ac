// @vitest-environment jsdom
import '../../test/setup-dom';
import { notifications } from '@mantine/notifications';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LiveClient } from '../../api/live';
import type { ContactImportMapping } from '../../api/contracts';
import { changeValue, cleanup, click, getButton, getByLabelText, hasText, waitFor } from '../../test/dom';
import { createFakeFetch } from '../../test/fakeFetch';
import { FakeSocket } from '../../test/fakeSocket';
import { renderScreen } from '../../test/renderApp';
import { pickFile, SLOW } from '../products/gridTestHelpers';
import { contactPreview, importJob, importReport } from './audienceFixtures';
import { ContactImportWizard } from './ContactImportWizard';

vi.setConfig({ testTimeout: 60_000 });

afterEach(() => {
  cleanup();
  notifications.clean();
});

const CSV = 'Customer,Mobile,Spend,Ring size\nPriya Sharma,98765 43210,1.2 lakh,12\n';
const previewHeaders = () => [...document.querySelectorAll('table[aria-label="Import preview"] th')].map((th) => th.textContent);
const rowsOf = (label: string) => [...document.querySelectorAll(`table[aria-label="${label}"] tbody tr`)].map((tr) => tr.textContent);

describe('Contact import wizard', () => {
  it('goes upload → mapping (with a custom field) → check → import → report with rejected rows', async () => {
    let polls = 0;
    let finished = 0;
    const runs: { mapping: ContactImportMapping; dryRun: boolean }[] = [];
    const fake = createFakeFetch({
      'POST /api/contacts/imports?name=customers.csv': () => ({ json: contactPreview() }),
      'POST /api/contacts/imports/cimp-1/run': (req) => {
        const body = req.body as { mapping: ContactImportMapping; dryRun: boolean };
        runs.push(body);
        return { json: body.dryRun ? importJob({ status: 'done', progress: { processed: 3, total: 3 }, report: importReport({ dryRun: true, mapping: body.mapping }) }) : importJob() };
      },
      'GET /api/contacts/imports/cimp-1': () => {
        polls += 1;
        if (polls === 1) return { json: importJob({ progress: { processed: 1, total: 3 } }) };
        return { json: importJob({ status: 'done', progress: { processed: 3, total: 3 }, report: importReport({ mapping: runs.at(-1)?.mapping ?? {} }) }) };
      },
    });
    renderScreen(<ContactImportWizard onClose={() => {}} onFinished={() => (finished += 1)} />, { fetch: fake.fetch });

    // Step 1: a wrong file is refused with what to do; the right one is uploaded as raw bytes.
    pickFile(getByLabelText('Customer file'), new File(['x'], 'customers.xls'));
    expect(hasText('is an old Excel file (.xls)')).toBe(true);
    expect(getButton('Read the file').disabled).toBe(true);
    const file = new File([CSV], 'customers.csv', { type: 'text/csv' });
    pickFile(getByLabelText('Customer file'), file);
    click(getButton('Read the file'));
    await waitFor(() => hasText('The first rows as they will import'), 'the mapping step', SLOW);
    const upload = fake.requests.find((r) => r.url.startsWith('/api/contacts/imports?'));
    expect(upload?.body).toBe(file);
    expect(upload?.headers['Content-Type']).toBe('application/octet-stream');

    // Step 2: the suggestion, then a change: "Ring size" becomes a field of the owner's own.
    expect(getByLabelText<HTMLSelectElement>('Field for column Mobile').value).toBe('phone');
    expect(previewHeaders()).toEqual(['Name', 'Phone', 'Total spend (₹)']);
    changeValue(getByLabelText<HTMLSelectElement>('Field for column Ring size'), '__custom');
    expect(getByLabelText<HTMLInputElement>('New field name for column Ring size').value).toBe('Ring size');
    expect(previewHeaders()).toEqual(['Name', 'Phone', 'Total spend (₹)', 'Ring size (your field)']);
    // Without a phone column the import cannot know who is who.
    changeValue(getByLabelText<HTMLSelectElement>('Field for column Mobile'), '');
    expect(hasText('Choose the column with the phone number')).toBe(true);
    expect(getButton('Check 3 rows').disabled).toBe(true);
    changeValue(getByLabelText<HTMLSelectElement>('Field for column Mobile'), 'phone');
    click(getButton('Check 3 rows'));

    // Step 3: the dry run's report, nothing saved yet.
    await waitFor(() => hasText('Nothing is saved yet'), 'the check', SLOW);
    expect(runs[0]).toEqual({ dryRun: true, mapping: { Customer: 'name', Mobile: 'phone', Spend: 'totalSpend', 'Ring size': 'custom:Ring size' } });
    expect(hasText('Row 2: "1.2 lakh" read as ₹1,20,000')).toBe(true);
    expect(rowsOf('Duplicates')).toEqual(['3Same person as row 2 (+91 98765 43210): merged into one contact']);
    expect(hasText('Download rejected rows (CSV)')).toBe(false);
    click(getButton('Import 2 rows'));

    // Step 4: progress; step 5: the report with the rejected rows and their download.
    await waitFor(() => hasText('1 of 3 rows (33%)'), 'the progress', SLOW);
    expect(runs[1]).toEqual({ dryRun: false, mapping: runs[0]?.mapping });
    await waitFor(() => hasText('Rows that were not imported'), 'the report', SLOW);
    expect(document.querySelector('[aria-label="Created"]')?.textContent).toContain('1');
    expect(document.querySelector('[aria-label="Merged"]')?.textContent).toContain('1');
    expect(document.querySelector('[aria-label="Rejected"]')?.textContent).toContain('1');
    expect(rowsOf('Rejected rows')).toEqual(['4Phone "12345" is not a phone number']);
    const link = [...document.querySelectorAll('a')].find((a) => a.textContent?.includes('Download rejected rows'));
    expect(link?.getAttribute('href')).toBe('/api/contacts/imports/cimp-1/rejected.csv');
    expect(finished).toBe(1);
  });

  it("shows the server's refusal of a file and stays on the first step", async () => {
    const fake = createFakeFetch({
      'POST /api/contacts/imports?name=empty.csv': () => ({ status: 400, json: { error: { code: 'validation', message: 'The file has no header row' } } }),
    });
    renderScreen(<ContactImportWizard onClose={() => {}} onFinished={() => {}} />, { fetch: fake.fetch });
    pickFile(getByLabelText('Customer file'), new File(['\n'], 'empty.csv', { type: 'text/csv' }));
    click(getButton('Read the file'));
    await waitFor(() => hasText('The file has no header row'), 'the server message', SLOW);
    expect(hasText('The first rows as they will import')).toBe(false);
  });

  it('follows the import with live progress while polling waits', async () => {
    let release: (() => void) | undefined;
    const fake = createFakeFetch({
      'POST /api/contacts/imports?name=customers.csv': () => ({ json: contactPreview() }),
      'POST /api/contacts/imports/cimp-1/run': (req) =>
        (req.body as { dryRun: boolean }).dryRun
          ? { json: importJob({ status: 'done', progress: { processed: 3, total: 3 }, report: importReport({ dryRun: true, rejected: [] }) }) }
          : { json: importJob() },
      // The poll hangs until the test lets it answer: only the live stream can move the bar.
      'GET /api/contacts/imports/cimp-1': () =>
        new Promise((resolve) => {
          release = () => resolve({ json: importJob({ status: 'done', progress: { processed: 3, total: 3 }, report: importReport({ rejected: [] }) }) });
        }),
    });
    FakeSocket.instances = [];
    const live = new LiveClient({ url: 'ws://test/api/live', createSocket: (url) => new FakeSocket(url) });
    renderScreen(<ContactImportWizard onClose={() => {}} onFinished={() => {}} />, { fetch: fake.fetch, live });
    act(() => FakeSocket.latest().open());
    pickFile(getByLabelText('Customer file'), new File([CSV], 'customers.csv', { type: 'text/csv' }));
    click(getButton('Read the file'));
    await waitFor(() => hasText('The first rows as they will import'), 'the mapping step', SLOW);
    click(getButton('Check 3 rows'));
    await waitFor(() => hasText('Nothing is saved yet'), 'the check', SLOW);
    click(getButton('Import 3 rows'));
    await waitFor(() => hasText('0 of 3 rows (0%)'), 'the progress bar', SLOW);
    await waitFor(() => release !== undefined, 'the first poll', SLOW);
    act(() => FakeSocket.latest().send({ type: 'crm.import.progress', time: '2026-03-04T12:00:01.000Z', jobId: 'cimp-1', processed: 2, total: 3 }));
    await waitFor(() => hasText('2 of 3 rows (67%)'), 'the live progress', SLOW);
    // Another import's progress is not this one's.
    act(() => FakeSocket.latest().send({ type: 'crm.import.progress', time: '2026-03-04T12:00:02.000Z', jobId: 'other', processed: 1, total: 9 }));
    expect(hasText('2 of 3 rows (67%)')).toBe(true);
    act(() => release?.());
    await waitFor(() => hasText('Every row was read.'), 'the report', SLOW);
  });
});
