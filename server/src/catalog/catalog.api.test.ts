import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTempServer, tempDir, type TempServer } from '../../../test/helpers/temp-server.js';
import type { ImportJob, ImportPreview, LiveMessage, Product } from '../contracts/index.js';

let s: TempServer;
/** Under a dot folder, as the per-user data dir is on Linux (~/.local/share/Revive). */
let dataDir: string;
beforeAll(async () => {
  dataDir = join(tempDir(), '.local', 'share', 'Revive');
  s = await startTempServer({ dataDir });
});
afterAll(() => s.stop());

const json = async <T>(res: Response | Promise<Response>): Promise<T> => (await (await res).json()) as T;
const upload = (path: string, body: Buffer | string) =>
  s.api(path, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: typeof body === 'string' ? Buffer.from(body) : new Uint8Array(body) });

const ring = { sku: 'API-RING-1', name: 'Tara Solitaire Ring', category: 'ring', style: 'Solitaire', metal: 'gold', purity: '18K', grossWeightGrams: 3.85, netWeightGrams: 3.75, stones: ['diamond'], stoneCarat: 0.5, price: 87597, stock: 5 };

describe('products API', () => {
  it('creates, reads, edits a field at a time, lists and deletes products', async () => {
    const created = await json<Product>(s.api('/api/products', { method: 'POST', json: ring }));
    expect(created).toMatchObject({ ...ring, description: '', images: [], gender: null });
    expect(created.updatedAt).toMatch(/Z$/);
    expect((await s.api('/api/products', { method: 'POST', json: { ...ring, sku: 'api-ring-1' } })).status).toBe(409);

    const edited = await json<Product>(s.api('/api/products/API-RING-1', { method: 'PUT', json: { price: 91000 } }));
    expect(edited).toMatchObject({ price: 91000, name: ring.name, stones: ['diamond'] });
    const list = await json<{ products: Product[]; total: number }>(s.api('/api/products'));
    expect(list.total).toBe(list.products.length);
    expect(list.products.find((p) => p.sku === 'API-RING-1')?.price).toBe(91000);

    expect((await s.api('/api/products/API-RING-1', { method: 'DELETE' })).status).toBe(200);
    expect((await s.api('/api/products/API-RING-1')).status).toBe(404);
  });

  it('refuses a fractional price, negative stock, net over gross and a purity the metal cannot have, at the field', async () => {
    const bad = await s.api('/api/products', { method: 'POST', json: { ...ring, sku: 'BAD-1', price: 100.5, stock: -1 } });
    expect(bad.status).toBe(400);
    expect((await json<{ error: { fields: Record<string, string> } }>(bad)).error.fields).toMatchObject({ price: 'Money is whole rupees', stock: 'Stock cannot be negative' });

    await s.api('/api/products', { method: 'POST', json: { ...ring, sku: 'OK-1' } });
    const heavy = await json<{ error: { fields: Record<string, string> } }>(s.api('/api/products/OK-1', { method: 'PUT', json: { netWeightGrams: 9 } }));
    expect(heavy.error.fields.netWeightGrams).toMatch(/more than gross weight/);
    const silver = await json<{ error: { fields: Record<string, string> } }>(s.api('/api/products/OK-1', { method: 'PUT', json: { metal: 'silver' } }));
    expect(silver.error.fields.purity).toMatch(/silver cannot be 18K/);
    expect((await json<Product>(s.api('/api/products/OK-1'))).metal).toBe('gold');
  });

  it('takes a PNG, JPEG or WebP photo resized to 1200 px, refuses anything else, and draws a placeholder when there is none', async () => {
    await s.api('/api/products', { method: 'POST', json: { ...ring, sku: 'IMG/1' } });
    const placeholder = await s.api('/api/products/IMG%2F1/image');
    expect(placeholder.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await placeholder.text()).toContain('Tara Solitaire Ring');

    const notImage = await upload('/api/products/IMG%2F1/image', 'SKU,Name\nA,B\n');
    expect(notImage.status).toBe(415);
    const tooBig = await upload('/api/products/IMG%2F1/image', Buffer.alloc(10 * 1024 * 1024 + 1, 0xff));
    expect(tooBig.status).toBe(413);
    expect((await s.api('/api/products/IMG%2F1/image', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' })).status).toBe(415);

    const photo = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#d4af37' } }).jpeg().toBuffer();
    const saved = await json<Product>(upload('/api/products/IMG%2F1/image', photo));
    expect(saved.images).toHaveLength(1);
    expect(saved.images[0]).toMatch(/^products\/IMG_1-[0-9a-f]{10}\.jpg$/);
    const served = await s.api('/api/products/IMG%2F1/image');
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect([meta.width, meta.height]).toEqual([1200, 800]);

    const webp = await sharp({ create: { width: 300, height: 300, channels: 4, background: { r: 200, g: 160, b: 60, alpha: 0.5 } } }).webp().toBuffer();
    const fromWebp = await json<Product>(upload('/api/products/IMG%2F1/image', webp));
    expect(fromWebp.images[0]).toMatch(/\.png$/);
    const small = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#c0c0c0' } }).png().toBuffer();
    await upload('/api/products/IMG%2F1/image', small);
    expect(Buffer.from(await (await s.api('/api/products/IMG%2F1/image')).arrayBuffer()).equals(small)).toBe(true);

    const files = () => readdirSync(join(dataDir, 'media', 'products')).filter((f) => f.startsWith('IMG_1-'));
    expect(files()).toHaveLength(1);
    const cleared = await json<Product>(s.api('/api/products/IMG%2F1/image', { method: 'DELETE' }));
    expect(cleared.images).toEqual([]);
    expect(files()).toEqual([]);
  });
});

function bigCatalog(rows: number): string {
  const metals = ['22K Gold', '18K Rose Gold', '925 Silver', 'Platinum 950'];
  const kinds = ['Jhumka', 'Kada', 'Rani Haar', 'Anguthi', 'Payal', 'Mangalsutra', 'Chain', 'Locket'];
  const lines = ['Item Code,Product Name,Metal,Gross Wt (g),MRP (₹),Qty In Hand'];
  for (let i = 1; i <= rows; i += 1) {
    const price = 5000 + ((i * 7919) % 400000);
    lines.push(`GEN-${String(i).padStart(6, '0')},Design ${i} ${kinds[i % kinds.length]},${metals[i % metals.length]},${(1 + (i % 500) / 10).toFixed(1)},"${price.toLocaleString('en-IN')}",${i % 9}`);
  }
  lines.push('GEN-BROKEN,Broken Jhumka,22K Gold,5,ask me,1');
  return `${lines.join('\n')}\n`;
}

describe('import wizard API', () => {
  it('previews a 10,000-row upload, imports it in the background with progress to 100%, and offers the rejected rows as CSV', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${s.adminPort}/api/live`, { headers: { authorization: `Bearer ${s.token}` } });
    const seen: LiveMessage[] = [];
    ws.on('message', (d: Buffer) => seen.push(JSON.parse(d.toString()) as LiveMessage));
    await new Promise((r) => ws.once('open', r));

    const preview = await json<ImportPreview>(upload('/api/catalog/imports?fileName=Stock%20List.csv', bigCatalog(10_000)));
    expect(preview).toMatchObject({ fileName: 'Stock List.csv', format: 'csv', rowCount: 10_001, mappingSource: 'suggested' });
    expect(preview.headers).toEqual(['Item Code', 'Product Name', 'Metal', 'Gross Wt (g)', 'MRP (₹)', 'Qty In Hand']);
    expect(preview.sampleRows).toHaveLength(10);
    expect(preview.sampleRows[0]).toEqual(['GEN-000001', 'Design 1 Kada', '18K Rose Gold', '1.1', '12,919', '1']);
    expect(preview.suggestedMapping).toEqual({ 'Item Code': 'sku', 'Product Name': 'name', Metal: 'metal', 'Gross Wt (g)': 'grossWeightGrams', 'MRP (₹)': 'price', 'Qty In Hand': 'stock' });

    const started = await json<ImportJob>(s.api(`/api/catalog/imports/${preview.id}/run`, { method: 'POST', json: { mapping: preview.suggestedMapping } }));
    expect(['queued', 'running']).toContain(started.status);
    expect(started.report).toBeNull();

    // The server keeps answering while the import runs.
    expect((await s.api('/api/health')).status).toBe(200);
    await expect
      .poll(async () => (await json<ImportJob>(s.api(`/api/catalog/imports/${preview.id}`))).status, { timeout: 60_000, interval: 200 })
      .toBe('done');
    const job = await json<ImportJob>(s.api(`/api/catalog/imports/${preview.id}`));
    expect(job.progress).toEqual({ processed: 10_001, total: 10_001 });
    expect(job.report).toMatchObject({ created: 10_000, updated: 0, unchanged: 0, rejected: [{ row: 10_002, reason: 'MRP (₹): "ask me" is not a price' }] });
    expect(job.counts).toEqual({ created: 10_000, updated: 0, unchanged: 0, rejected: 1 });

    await expect.poll(() => seen.find((m) => m.type === 'catalog.imported')).toMatchObject({ jobId: preview.id, source: 'upload', created: 10_000, rejected: 1 });
    const progress = seen.filter((m) => m.type === 'catalog.import.progress');
    expect(progress.length).toBeGreaterThanOrEqual(10);
    expect(progress.at(-1)).toMatchObject({ processed: 10_001, total: 10_001 });
    ws.close();

    expect(await json<Product>(s.api('/api/products/GEN-000003'))).toMatchObject({ name: 'Design 3 Anguthi', category: 'ring', metal: 'platinum', purity: '950', price: 28757 });
    expect(await json<Product>(s.api('/api/products/GEN-000004'))).toMatchObject({ name: 'Design 4 Payal', category: 'anklet', metal: 'gold', purity: '22K', price: 36676 });

    const csv = await s.api(`/api/catalog/imports/${preview.id}/rejected.csv`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toContain('Stock_List-rejected.csv');
    expect((await csv.text()).replace(/^\ufeff/, '').split('\r\n').slice(0, 2)).toEqual([
      'Row,Reason,Item Code,Product Name,Metal,Gross Wt (g),MRP (₹),Qty In Hand',
      '10002,"MRP (₹): ""ask me"" is not a price",GEN-BROKEN,Broken Jhumka,22K Gold,5,ask me,1',
    ]);

    // The uploaded file is gone after a real run; the mapping is remembered for the next file with that name.
    expect((await s.api(`/api/catalog/imports/${preview.id}/run`, { method: 'POST', json: {} })).status).toBe(409);
    const again = await json<ImportPreview>(upload('/api/catalog/imports?fileName=Stock%20List.csv', bigCatalog(20)));
    expect(again.mappingSource).toBe('remembered');
    const list = await json<{ imports: { id: string }[] }>(s.api('/api/catalog/imports'));
    expect(list.imports.map((i) => i.id)).toContain(preview.id);
  });

  it('answers a dry run with the report and no writes, refuses a bad mapping, and refuses files that are not spreadsheets', async () => {
    const preview = await json<ImportPreview>(upload('/api/catalog/imports?fileName=new.csv', 'SKU,Name,Price\nDRY-1,Gold Chain,"45,000"\n'));
    const bad = await s.api(`/api/catalog/imports/${preview.id}/run`, { method: 'POST', json: { mapping: { Price: 'sku' } } });
    expect(bad.status).toBe(400);
    expect((await json<{ error: { message: string } }>(bad)).error.message).toMatch(/Two columns are mapped to sku/);

    await s.api(`/api/catalog/imports/${preview.id}/run`, { method: 'POST', json: { dryRun: true } });
    await expect.poll(async () => (await json<ImportJob>(s.api(`/api/catalog/imports/${preview.id}`))).status).toBe('done');
    expect((await json<ImportJob>(s.api(`/api/catalog/imports/${preview.id}`))).report).toMatchObject({ created: 1, dryRun: true });
    expect((await s.api('/api/products/DRY-1')).status).toBe(404);

    const pdf = await upload('/api/catalog/imports?fileName=x.pdf', '%PDF-1.4 not a sheet');
    expect(pdf.status).toBe(400);
    expect((await json<{ error: { message: string } }>(pdf)).error.message).toMatch(/PDF/);
    expect((await s.api('/api/catalog/imports/nope')).status).toBe(404);
  });
});

describe('catalog inbox (watched folder)', () => {
  it('imports a spreadsheet saved into <data>/catalog-inbox within seconds, ignoring lock files', async () => {
    const inbox = join(dataDir, 'catalog-inbox');
    writeFileSync(join(inbox, '~$stock.csv'), 'SKU,Name,Price\nLOCK-1,Lock,1\n');
    writeFileSync(join(inbox, 'stock.csv'), 'Item Code,Product Name,MRP,Qty\nINBOX-1,Temple Jhumka,"1,25,000",2\n');
    await expect.poll(async () => (await s.api('/api/products/INBOX-1')).status, { timeout: 20_000, interval: 250 }).toBe(200);
    expect(await json<Product>(s.api('/api/products/INBOX-1'))).toMatchObject({ name: 'Temple Jhumka', category: 'earrings', price: 125000, stock: 2 });

    writeFileSync(join(inbox, 'stock.csv'), 'Item Code,Product Name,MRP,Qty\nINBOX-1,Temple Jhumka,"1,25,000",0\n');
    await expect.poll(async () => (await json<Product>(s.api('/api/products/INBOX-1'))).stock, { timeout: 20_000, interval: 250 }).toBe(0);
    const imports = await json<{ imports: { source: string; fileName: string }[] }>(s.api('/api/catalog/imports'));
    expect(imports.imports.filter((i) => i.source === 'inbox').map((i) => i.fileName)).toEqual(['stock.csv', 'stock.csv']);
    expect((await s.api('/api/products/LOCK-1')).status).toBe(404);
  });
});
