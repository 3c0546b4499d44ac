import type { Contact, ContactDetail, ContactImportJob, ContactImportPreview, ContactImportReport, Segment } from '../../api/contracts';

export function contact(overrides: Partial<Contact> = {}): Contact {
  return {
    id: 1,
    waId: '919876543210',
    userId: null,
    parentUserId: null,
    username: null,
    phone: '+919876543210',
    name: 'Priya Sharma',
    lastInboundAt: '2026-03-04T12:35:00.000Z',
    windowOpenUntil: null,
    windowOpen: false,
    marketingPreference: null,
    marketingPreferenceAt: null,
    email: 'priya@example.in',
    city: 'Mumbai',
    birthday: '1990-05-14',
    anniversary: null,
    totalSpend: 125000,
    lastPurchaseAt: '2026-02-10T06:00:00.000Z',
    lastMessageAt: '2026-03-04T12:35:00.000Z',
    messageCount: 12,
    source: 'whatsapp',
    optIn: 'opted_in',
    tags: ['BridalShopper', 'GoldBangles'],
    notes: 'Wedding in May',
    custom: {},
    isTest: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-03-04T12:35:00.000Z',
    ...overrides,
  };
}

export function contacts(): Contact[] {
  return [
    contact(),
    contact({ id: 2, waId: '919812345678', phone: '+919812345678', name: 'Rahul Mehta', city: 'Pune', totalSpend: 39754, tags: [], notes: '', source: 'import', optIn: 'unknown', email: null }),
    contact({ id: 3, waId: null, phone: '+919900011122', name: 'Anita Desai', city: 'Surat', totalSpend: 0, lastPurchaseAt: null, tags: ['PriceSensitive'], notes: '', source: 'manual' }),
  ];
}

export function detail(overrides: Partial<ContactDetail> = {}): ContactDetail {
  return {
    ...contact(),
    tagDetails: [
      { tag: 'BridalShopper', source: 'auto', reason: "they asked 'diamond ring under 50k'", at: '2026-03-04T12:36:00.000Z' },
      { tag: 'GoldBangles', source: 'manual', reason: null, at: '2026-03-01T09:00:00.000Z' },
    ],
    merges: [{ at: '2026-02-01T10:00:00.000Z', mergedContactId: 9, via: 'import', fields: ['city', 'birthday'] }],
    ...overrides,
  };
}

export function segment(overrides: Partial<Segment> = {}): Segment {
  return { id: 1, name: 'Big Spenders', description: 'The top spenders', match: 'all', rules: [{ field: 'totalSpend', op: 'top', value: 50 }], builtIn: true, count: 2, ...overrides };
}

export function segments(): Segment[] {
  return [
    segment(),
    segment({ id: 2, name: 'Window Shoppers', description: 'Many messages, no purchase', rules: [{ field: 'messageCount', op: 'gte', value: 5 }, { field: 'lastPurchaseAt', op: 'isEmpty', value: null }], count: 1 }),
    segment({ id: 3, name: 'Cold Leads', description: 'No reply in 30 days', rules: [{ field: 'lastMessageAt', op: 'olderThanDays', value: 30 }], count: 0 }),
    segment({ id: 4, name: 'Pune brides', description: '', builtIn: false, rules: [{ field: 'city', op: 'eq', value: 'Pune' }], count: 1 }),
  ];
}

export function contactPreview(overrides: Partial<ContactImportPreview> = {}): ContactImportPreview {
  return {
    id: 'cimp-1',
    fileName: 'customers.csv',
    format: 'csv',
    headers: ['Customer', 'Mobile', 'Spend', 'Ring size'],
    sampleRows: [
      ['Priya Sharma', '98765 43210', '1.2 lakh', '12'],
      ['Rahul Mehta', '+91-98123-45678', '₹39,754', '14'],
    ],
    suggestedMapping: { Customer: 'name', Mobile: 'phone', Spend: 'totalSpend', 'Ring size': null },
    rowCount: 3,
    ...overrides,
  };
}

export function importReport(overrides: Partial<ContactImportReport> = {}): ContactImportReport {
  return {
    created: 1,
    merged: 1,
    unchanged: 0,
    rejected: [{ row: 4, reason: 'Phone "12345" is not a phone number' }],
    mapping: {},
    dryRun: false,
    rows: 3,
    duplicatesInFile: [{ row: 3, sameAsRow: 2, phone: '+919876543210' }],
    duplicatesExisting: [],
    warnings: [{ row: 2, message: '"1.2 lakh" read as ₹1,20,000' }],
    ...overrides,
  };
}

export function importJob(overrides: Partial<ContactImportJob> = {}): ContactImportJob {
  return {
    id: 'cimp-1',
    fileName: 'customers.csv',
    status: 'running',
    progress: { processed: 0, total: 3 },
    report: null,
    error: null,
    createdAt: '2026-03-04T12:00:00.000Z',
    finishedAt: null,
    ...overrides,
  };
}
