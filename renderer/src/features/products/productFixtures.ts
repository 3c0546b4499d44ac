import type { ImportJob, ImportPreview, Product, SearchResult } from '../../api/contracts';

export function product(overrides: Partial<Product> = {}): Product {
  return {
    sku: 'SJ-BNG-0002',
    name: 'Textured 22K Gold Bangle',
    category: 'bangle',
    style: 'plain',
    metal: 'gold',
    purity: '22K',
    grossWeightGrams: 4.86,
    netWeightGrams: 4.86,
    stones: [],
    stoneCarat: null,
    price: 39754,
    stock: 8,
    description: '',
    gender: 'women',
    occasions: ['daily wear'],
    images: [],
    url: null,
    updatedAt: '2026-03-04T12:35:00.000Z',
    ...overrides,
  };
}

/** Three products: a bangle, a costly necklace (₹1,25,000) and an out-of-stock silver payal. */
export function catalog(): Product[] {
  return [
    product(),
    product({ sku: 'SJ-NCK-0007', name: 'Kundan Rani Haar', category: 'necklace', style: 'rani haar', price: 125000, stock: 2, stones: ['kundan', 'pearl'], occasions: ['bridal'] }),
    product({ sku: 'SJ-ANK-0001', name: 'Ghungroo Silver Payal', category: 'anklet', style: 'payal', metal: 'silver', purity: '925', price: 9311, stock: 0, gender: 'women' }),
  ];
}

export function importPreview(overrides: Partial<ImportPreview> = {}): ImportPreview {
  return {
    id: 'imp-1',
    fileName: 'stock.csv',
    format: 'csv',
    headers: ['Item Code', 'Product Name', 'MRP (₹)', 'Remarks'],
    sampleRows: [
      ['SJ-RNG-0900', 'Solitaire Ring', '1,25,000', 'new'],
      ['SJ-RNG-0901', 'Band Ring', '45,500', ''],
    ],
    suggestedMapping: { 'Item Code': 'sku', 'Product Name': 'name', 'MRP (₹)': 'price', Remarks: null },
    mappingSource: 'suggested',
    rowCount: 2,
    ...overrides,
  };
}

export function importJob(overrides: Partial<ImportJob> = {}): ImportJob {
  return {
    id: 'imp-1',
    fileName: 'stock.csv',
    format: 'csv',
    source: 'upload',
    status: 'queued',
    dryRun: false,
    progress: { processed: 0, total: 100 },
    counts: null,
    error: null,
    createdAt: '2026-03-04T12:35:00.000Z',
    startedAt: null,
    finishedAt: null,
    report: null,
    ...overrides,
  };
}

export function searchResult(overrides: Partial<SearchResult> = {}): SearchResult {
  return { understood: { text: '' }, results: [], alternatives: [], ...overrides };
}
