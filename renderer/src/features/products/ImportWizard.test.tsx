// @vitest-environment jsdom
import '../../test/setup-dom';
import { notifications } from '@mantine/notifications';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportMapping } from '../../api/contracts';
import { changeValue, cleanup, click, getButton, getByLabelText, hasText, waitFor } from '../../test/dom';
import { createFakeFetch } from '../../test/fakeFetch';
import { storeProfile } from '../../test/fixtures';
import { renderScreen } from '../../test/renderApp';
import { pickFile, shownSkus, SLOW } from './gridTestHelpers';
import { catalog, importJob, importPreview, product } from './productFixtures';
import { ProductsPage } from './ProductsPage';

// Each test draws the real grid: see SLOW.
vi.setConfig({ testTimeout: 120_000 });

afterEach(() => {
  cleanup();
  notifications.clean();
});

const CSV = 'Item Code,Product Name,MRP (₹),Remarks\nSJ-RNG-0900,Solitaire Ring,"1,25,000",new\n';
const previewHeaders = () => [...document.querySelectorAll('table[aria-label="Import preview"] th')].map((th) => th.textContent);

function report(mapping: ImportMapping) {
  return { created: 1, updated: 0, unchanged: 0, rejected: [{ row: 3, reason: 'Price "abc" is not a number' }], mapping, dryRun: false, rows: 2, warnings: [] };
}

describe('Import wizard', () => {
  it('goes upload → mapping → run → progress → report, then shows the new product', async () => {
    let products = catalog();
    let polls = 0;
    const fake = createFakeFetch({
      'GET /api/products': () => ({ json: { products, total: products.length } }),
      'GET /api/settings/store': () => ({ json: storeProfile() }),
      'POST /api/catalog/imports?fileName=stock.csv': () => ({ json: importPreview() }),
      'POST /api/catalog/imports/imp-1/run': () => ({ json: importJob({ status: 'queued' }) }),
      'GET /api/catalog/imports/imp-1': () => {
        polls += 1;
        if (polls === 1) return { json: importJob({ status: 'running', progress: { processed: 40, total: 100 } }) };
        const mapping = (fake.requests.find((r) => r.url.endsWith('/run'))?.body as { mapping: ImportMapping }).mapping;
        products = [...catalog(), product({ sku: 'SJ-RNG-0900', name: 'Solitaire Ring', category: 'ring', price: 125000 })];
        return { json: importJob({ status: 'done', progress: { processed: 100, total: 100 }, report: report(mapping), counts: { created: 1, updated: 0, unchanged: 0, rejected: 1 } }) };
      },
    });
    renderScreen(<ProductsPage />, { fetch: fake.fetch });
    await waitFor(() => shownSkus().length === 3, 'the grid', SLOW);
    click(getButton('Import spreadsheet'));
    await waitFor(() => hasText('Drop your stock spreadsheet here'), 'the file step', SLOW);

    // Step 1: the wrong kind of file is refused here, with what to do.
    pickFile(getByLabelText('Spreadsheet file'), new File(['%PDF'], 'stock.pdf', { type: 'application/pdf' }));
    expect(hasText('“stock.pdf” is not a spreadsheet Revive can read. Pick a .csv or .xlsx file.')).toBe(true);
    expect(getButton('Read the file').disabled).toBe(true);
    const file = new File([CSV], 'stock.csv', { type: 'text/csv' });
    pickFile(getByLabelText('Spreadsheet file'), file);
    expect(hasText('stock.csv')).toBe(true);
    expect(hasText(`${file.size} B`)).toBe(true);
    click(getButton('Read the file'));

    // Step 2: the suggested mapping, and sample rows as they will import.
    await waitFor(() => hasText('The first rows as they will import'), 'the mapping step', SLOW);
    const upload = fake.requests.find((r) => r.method === 'POST' && r.url.startsWith('/api/catalog/imports?'));
    expect(upload?.headers['Content-Type']).toBe('application/octet-stream');
    expect(upload?.body).toBe(file);
    expect(getByLabelText<HTMLSelectElement>('Field for column Item Code').value).toBe('sku');
    expect(getByLabelText<HTMLSelectElement>('Field for column MRP (₹)').value).toBe('price');
    expect(getByLabelText<HTMLSelectElement>('Field for column Remarks').value).toBe('');
    expect(previewHeaders()).toEqual(['SKU', 'Name', 'Price (₹)']);
    changeValue(getByLabelText<HTMLSelectElement>('Field for column Remarks'), 'description');
    expect(previewHeaders()).toEqual(['SKU', 'Name', 'Price (₹)', 'Description']);
    expect(hasText('new')).toBe(true);

    // Two columns on one field, or none on the SKU, cannot be run.
    changeValue(getByLabelText<HTMLSelectElement>('Field for column Product Name'), 'sku');
    expect(hasText('Two columns are set to SKU')).toBe(true);
    expect(getButton('Import 2 rows').disabled).toBe(true);
    changeValue(getByLabelText<HTMLSelectElement>('Field for column Product Name'), 'name');
    click(getButton('Import 2 rows'));

    // Step 3: progress from polling.
    await waitFor(() => hasText('40 of 100 rows (40%)'), 'the progress', SLOW);
    const run = fake.requests.find((r) => r.url === '/api/catalog/imports/imp-1/run');
    expect(run?.body).toEqual({ mapping: { 'Item Code': 'sku', 'Product Name': 'name', 'MRP (₹)': 'price', Remarks: 'description' } });

    // Step 4: the report, the rejected rows and their download.
    await waitFor(() => hasText('Rows that were not imported'), 'the report', SLOW);
    expect(document.querySelector('[aria-label="Created"]')?.textContent).toContain('1');
    expect(document.querySelector('[aria-label="Rejected"]')?.textContent).toContain('1');
    const rejected = [...document.querySelectorAll('table[aria-label="Rejected rows"] tbody tr')].map((tr) => tr.textContent);
    expect(rejected).toEqual(['3Price "abc" is not a number']);
    const link = [...document.querySelectorAll('a')].find((a) => a.textContent?.includes('Download rejected rows'));
    expect(link?.getAttribute('href')).toBe('/api/catalog/imports/imp-1/rejected.csv');

    // The grid reloads with the imported product.
    click(getButton('Done'));
    await waitFor(() => shownSkus().includes('SJ-RNG-0900'), 'the new product in the grid', SLOW);
  });

  it('shows the server’s refusal of a file it cannot read', async () => {
    const fake = createFakeFetch({
      'GET /api/products': () => ({ json: { products: catalog(), total: 3 } }),
      'POST /api/catalog/imports?fileName=empty.csv': () => ({ status: 400, json: { error: { code: 'validation', message: 'The file has no header row' } } }),
    });
    renderScreen(<ProductsPage />, { fetch: fake.fetch });
    await waitFor(() => shownSkus().length === 3, 'the grid', SLOW);
    click(getButton('Import spreadsheet'));
    await waitFor(() => hasText('Drop your stock spreadsheet here'), 'the file step', SLOW);
    pickFile(getByLabelText('Spreadsheet file'), new File(['\n'], 'empty.csv', { type: 'text/csv' }));
    click(getButton('Read the file'));
    await waitFor(() => hasText('The file has no header row'), 'the server message', SLOW);
    expect(hasText('The first rows as they will import')).toBe(false);
  });
});
