import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/helpers/temp-server.js';
import { openApp, type App } from '../../main.js';
import { parseMapOption } from './mapping.js';
import { scanFile } from './importer.js';

let app: App;
let dir: string;

beforeEach(() => {
  dir = tempDir('revive-import-');
  app = openApp({ dataDir: join(dir, 'data'), logLevel: 'silent', backupsEnabled: false });
});
afterEach(() => app.close());

const catalog = () => app.services.catalog;
const importFile = (path: string, opts: { mapping?: Record<string, string | null>; dryRun?: boolean } = {}) =>
  catalog().imports.importFile(path, { source: 'cli', mapping: (opts.mapping as never) ?? null, dryRun: opts.dryRun ?? false });

function write(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A shop's stock export with the column names jewellers' software uses, Indian amounts and broken rows. */
const STOCK_CSV = [
  'Item Code,Product Name,Type,Karat/Purity,Gross Wt (g),Net Wt,MRP (₹),Qty In Hand,Stone Details',
  'AJ-101,Meenakari Jhumka,Jhumka,916,12.450,11.900,"1,25,000",3,Ruby; Pearl',
  'AJ-102,Plain Gold Kada,Kada,22K,25.1 g,25.1,"₹ 45,500.00",2,-',
  'AJ-103,Heera Solitaire Anguthi,Anguthi,750,3.2,3.1,1.2 lakh,1,Heera 0.30 ct',
  'AJ-104,Chandi Payal,Payal,925,40,39.5,"Rs. 6,500/-",10,NA',
  'AJ-105,Broken price ring,Ring,22K,4,3.9,call for price,1,',
  ',No SKU Chain,Chain,22K,10,10,50000,1,',
  'AJ-107,Negative stock bangle,Bangle,22K,20,19,90000,-2,',
  'AJ-101,Duplicate Jhumka,Jhumka,22K,12,11,99000,1,',
  'AJ-109,Rose Gold Heart Pendant,Locket,18K,2.5,2.3,"28,900",0,Diamond',
  '',
  'AJ-111,Heavy Net Chain,Chain,22K,10,12,70000,1,',
].join('\r\n');

describe('importing a jeweller’s CSV', () => {
  it('maps the columns, reads Indian amounts and purities, and reports each unreadable row with its reason', async () => {
    const report = await importFile(write('stock.csv', STOCK_CSV));
    expect(report.mapping).toEqual({
      'Item Code': 'sku',
      'Product Name': 'name',
      Type: 'category',
      'Karat/Purity': 'purity',
      'Gross Wt (g)': 'grossWeightGrams',
      'Net Wt': 'netWeightGrams',
      'MRP (₹)': 'price',
      'Qty In Hand': 'stock',
      'Stone Details': 'stones',
    });
    expect(report).toMatchObject({ created: 5, updated: 0, unchanged: 0, rows: 10 });
    expect(report.rejected).toEqual([
      { row: 6, reason: 'MRP (₹): "call for price" is not a price' },
      { row: 7, reason: 'SKU is missing' },
      { row: 8, reason: 'Qty In Hand: stock cannot be negative (-2)' },
      { row: 9, reason: 'duplicate SKU "AJ-101" also on row 2' },
      { row: 12, reason: expect.stringMatching(/^Net Wt: Net weight \(12 g\) is more than gross weight \(10 g\)/) },
    ]);

    const jhumka = catalog().get('AJ-101');
    expect(jhumka).toMatchObject({ name: 'Meenakari Jhumka', category: 'earrings', metal: 'gold', purity: '22K', grossWeightGrams: 12.45, netWeightGrams: 11.9, price: 125000, stock: 3, stones: ['ruby', 'pearl'] });
    expect(jhumka.style?.toLowerCase()).toBe('jhumka');
    expect(catalog().get('AJ-102')).toMatchObject({ category: 'bangle', price: 45500, grossWeightGrams: 25.1, stones: [] });
    expect(catalog().get('AJ-103')).toMatchObject({ category: 'ring', metal: 'gold', purity: '18K', price: 120000, stones: ['diamond'], stoneCarat: 0.3 });
    expect(catalog().get('AJ-104')).toMatchObject({ category: 'anklet', metal: 'silver', purity: '925', price: 6500, stock: 10, stones: [] });
    expect(catalog().get('AJ-109')).toMatchObject({ category: 'pendant', metal: 'rose gold', purity: '18K', price: 28900, stock: 0 });
    expect(() => catalog().get('AJ-105')).toThrow(/no product/);
  });

  it('changes nothing when the same file is imported again, and counts real edits as updated', async () => {
    const path = write('stock.csv', STOCK_CSV);
    await importFile(path);
    const before = catalog().get('AJ-101').updatedAt;
    const again = await importFile(path);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
    expect(again.rejected).toHaveLength(5);
    expect(catalog().get('AJ-101').updatedAt).toBe(before);

    const edited = await importFile(write('stock.csv', STOCK_CSV.replace('"1,25,000",3', '"1,30,000",3')));
    expect(edited).toMatchObject({ created: 0, updated: 1, unchanged: 4 });
    expect(catalog().get('AJ-101').price).toBe(130000);
  });

  it('a dry run reports the same counts and writes nothing', async () => {
    const report = await importFile(write('stock.csv', STOCK_CSV), { dryRun: true });
    expect(report).toMatchObject({ created: 5, dryRun: true });
    expect(catalog().count()).toBe(0);
  });

  it('sniffs semicolons with a BOM and quoted fields, and tab-separated update files that change only stock', async () => {
    const semi = '\ufeffSKU;Name;Category;Metal;Price;Stock;Description\r\n' +
      'EU-1;"Kundan Rani Haar";necklace;Gold;"2,45,000";1;"Bridal; heavy\nwith kundan"\r\n' +
      'EU-2;Silver Toe Ring;Bichhiya;Chandi;850;12;\r\n';
    expect(await importFile(write('eu.csv', semi))).toMatchObject({ created: 2, rejected: [] });
    expect(catalog().get('EU-1')).toMatchObject({ name: 'Kundan Rani Haar', category: 'necklace', metal: 'gold', price: 245000, description: 'Bridal; heavy\nwith kundan' });
    expect(catalog().get('EU-2')).toMatchObject({ metal: 'silver', price: 850, stock: 12 });

    const tabs = 'Item Code\tQty In Hand\nEU-1\t0\neu-2\t7\nNEW-9\t4\n';
    const report = await importFile(write('stock-update.txt.csv', tabs));
    expect(report.mapping).toEqual({ 'Item Code': 'sku', 'Qty In Hand': 'stock' });
    expect(report).toMatchObject({ created: 0, updated: 2 });
    expect(report.rejected).toEqual([{ row: 4, reason: 'a new product needs a name, and no column is mapped to Name' }]);
    // Fields without a column keep their values.
    expect(catalog().get('EU-1')).toMatchObject({ stock: 0, price: 245000, name: 'Kundan Rani Haar', description: 'Bridal; heavy\nwith kundan' });
    expect(catalog().get('EU-2').stock).toBe(7);
  });

  it('lets the user’s mapping override the suggestion, and refuses one without a SKU column or with unknown columns', async () => {
    const path = write('odd.csv', 'Code,Title,Amount,Remarks\nX-1,Gold Chain,"55,000",Ignore me\n');
    const report = await importFile(path, { mapping: parseMapOption('Code=sku,Remarks=') });
    expect(report.mapping).toMatchObject({ Code: 'sku', Title: 'name', Amount: 'price', Remarks: null });
    expect(catalog().get('X-1')).toMatchObject({ name: 'Gold Chain', category: 'chain', metal: 'gold', price: 55000, description: '' });
    await expect(importFile(path, { mapping: { Code: null } })).rejects.toThrow(/No column is mapped to the SKU/);
    await expect(importFile(path, { mapping: { Barcode: 'sku' } })).rejects.toThrow(/column "Barcode" that the file does not have/);
    await expect(importFile(path, { mapping: { Title: 'sku' } })).rejects.toThrow(/Two columns are mapped to sku/);
  });

  it('refuses files that are not spreadsheets with a message saying what to do', async () => {
    await expect(importFile(write('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])))).rejects.toThrow(/old Excel .xls/);
    await expect(importFile(write('empty.csv', ''))).rejects.toThrow(/empty/);
    await expect(importFile(write('blank.csv', '\n\n,,\n'))).rejects.toThrow(/no rows/);
    await expect(importFile(write('scan.pdf', '%PDF-1.7\n…'))).rejects.toThrow(/PDF/);
  });
});

/** An Excel workbook as a shop keeps it: a date column, a formula with its cached value, ₹ number formats, rich text. */
async function stockWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Stock');
  ws.addRow(['Design No', 'Item', 'Category', 'Metal', 'Purity', 'Weight', 'Price', 'Stock', 'Added On', 'Gender']);
  ws.addRow([1001, 'Lakshmi Temple Necklace', 'Necklace', 'Yellow Gold', '22 kt', 38.5, 285000, 2, new Date(Date.UTC(2024, 2, 1)), 'Ladies']);
  ws.addRow(['D-1002', 'Pearl Drop Earrings', 'Earrings', 'Sona', 916, 6.25, { formula: 'G2/2', result: 142500 }, 4, new Date(Date.UTC(2024, 5, 12)), 'Women']);
  ws.addRow(['D-1003', { richText: [{ text: 'Gents ' }, { font: { bold: true }, text: 'Kada' }] }, 'Kada', 'White Gold', '18K', 30, 198000, 1, null, 'Gents']);
  ws.addRow(['D-1004', 'Dated price ring', 'Ring', 'Gold', '22K', 4, new Date(Date.UTC(2024, 0, 5)), 1, null, 'Women']);
  ws.addRow(['D-1005', 'Unknown metal ring', 'Ring', 'Titanium', '', 4, 15000, 1, null, 'Men']);
  ws.getColumn(7).numFmt = '"₹"#,##0.00';
  ws.getColumn(9).numFmt = 'dd-mm-yyyy';
  ws.getCell('G5').numFmt = 'dd-mm-yyyy';
  const notes = wb.addWorksheet('Notes');
  notes.addRow(['This sheet is not imported']);
  await wb.xlsx.writeFile(path);
}

describe('importing an Excel workbook', () => {
  it('reads numbers, ₹-formatted amounts, cached formula results, rich text and dates', async () => {
    const path = join(dir, 'Stock Register.xlsx');
    await stockWorkbook(path);
    const scanned = await scanFile(path);
    expect(scanned.format).toBe('xlsx');
    expect(scanned.rowCount).toBe(5);
    expect(scanned.sampleRows[0]).toEqual(['1001', 'Lakshmi Temple Necklace', 'Necklace', 'Yellow Gold', '22 kt', '38.5', '285000', '2', '2024-03-01', 'Ladies']);
    expect(scanned.sampleRows[1]?.[6]).toBe('142500');

    const report = await importFile(path);
    expect(report.mapping).toMatchObject({ 'Design No': 'sku', Item: 'name', Category: 'category', Metal: 'metal', Purity: 'purity', Weight: 'grossWeightGrams', Price: 'price', Stock: 'stock', 'Added On': null, Gender: 'gender' });
    expect(report).toMatchObject({ created: 3, updated: 0, unchanged: 0, rows: 5 });
    expect(report.rejected).toEqual([
      { row: 5, reason: 'Price: a date (2024-01-05) is not a price' },
      { row: 6, reason: 'Metal: "Titanium" is not a metal we know (gold, rose gold, white gold, silver, platinum)' },
    ]);
    expect(catalog().get('1001')).toMatchObject({ name: 'Lakshmi Temple Necklace', category: 'necklace', metal: 'gold', purity: '22K', grossWeightGrams: 38.5, price: 285000, gender: 'women' });
    expect(catalog().get('D-1002')).toMatchObject({ category: 'earrings', metal: 'gold', purity: '22K', price: 142500, stock: 4 });
    expect(catalog().get('D-1003')).toMatchObject({ name: 'Gents Kada', category: 'bangle', metal: 'white gold', purity: '18K', gender: 'men' });

    expect(await importFile(path)).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });
});
