import { describe, expect, it } from 'vitest';
import { audienceKit, xlsx } from '../test-kit.js';

const SHOP_CSV = [
  'Customer List - Shree Jewellers,,,,,,,,',
  'S.No,Cust Name,Mobile,DOB,Anniv,Total Purchase,City,Email,Tags',
  '1,Asha Mehta,98765 43210,14/05/1990,02-Dec-2015,"₹1,25,000",Pune,asha@example.com,"VIP, Bridal"',
  '2,Ravi Kumar,+91-98111-22233,14 May,,1.2 lakh,Mumbai,,',
  ',,,,,,,,',
  '3,Asha M.,098765 43210,,,,,,Gold buyer',
  '4,Nobody,12345,,,,,,',
  '5,Sunil,919812345678,31/02/1990,,,,,',
  '6,Meera,9.19876E+11,,,,,,',
  '7,No Phone,,,,,,,',
  '8,Kiran,9988776655,,,50k,Delhi,not-an-email,',
].join('\r\n');

describe('contact import', () => {
  it('reads a real shop file: title line, Hinglish headers, phone forms, rupees, dates, blank rows, duplicates, bad rows', async () => {
    const k = audienceKit();
    const r = await k.crm.imports.importFile(k.file('customers.csv', SHOP_CSV));
    expect(r.mapping).toEqual({ 'S.No': null, 'Cust Name': 'name', Mobile: 'phone', DOB: 'birthday', Anniv: 'anniversary', 'Total Purchase': 'totalSpend', City: 'city', Email: 'email', Tags: 'tags' });
    expect({ created: r.created, merged: r.merged, unchanged: r.unchanged, rows: r.rows }).toEqual({ created: 2, merged: 1, unchanged: 0, rows: 8 });
    expect(r.rejected.map((x) => x.row)).toEqual([7, 8, 9, 10, 11]);
    expect(r.rejected[0]?.reason).toBe('Mobile: "12345" is not a phone number');
    expect(r.rejected[1]?.reason).toMatch(/DOB: "31\/02\/1990" is not a date/);
    expect(r.rejected[2]?.reason).toMatch(/Excel shortened.*format the column as Text/);
    expect(r.rejected[3]?.reason).toBe('no phone number');
    expect(r.rejected[4]?.reason).toMatch(/not-an-email/);
    expect(r.duplicatesInFile).toEqual([{ row: 6, sameAsRow: 3, phone: '+919876543210' }]);
    expect(r.warnings).toEqual(expect.arrayContaining([
      { row: 4, message: 'Total Purchase: "1.2 lakh" read as ₹1,20,000' },
      { row: 4, message: 'DOB: "14 May" has no year: kept as day and month' },
    ]));
    const list = k.contacts.list({ sort: 'name' });
    expect(list.total).toBe(2);
    const [asha, ravi] = list.contacts;
    // The later row of the same person wins for the fields it has; tags are unioned.
    expect(asha).toMatchObject({ phone: '+919876543210', name: 'Asha M.', birthday: '1990-05-14', anniversary: '2015-12-02', totalSpend: 125000, city: 'Pune', email: 'asha@example.com', source: 'import', isTest: false });
    expect(asha?.tags.sort()).toEqual(['Bridal', 'GoldBuyer', 'VIP']);
    expect(ravi).toMatchObject({ phone: '+919811122233', name: 'Ravi Kumar', birthday: '05-14', totalSpend: 120000, city: 'Mumbai' });
    expect(k.live.some((m) => m.type === 'crm.contacts')).toBe(true);
  });

  it('re-importing the same file changes nothing', async () => {
    const k = audienceKit();
    const path = k.file('customers.csv', SHOP_CSV);
    await k.crm.imports.importFile(path);
    const before = k.contacts.list().contacts;
    const again = await k.crm.imports.importFile(path);
    expect({ created: again.created, merged: again.merged, unchanged: again.unchanged, rejected: again.rejected.length }).toEqual({ created: 0, merged: 0, unchanged: 3, rejected: 5 });
    expect(again.duplicatesExisting.map((d) => d.row)).toEqual([3, 4]);
    expect(k.contacts.list().contacts).toEqual(before);
  });

  it('a dry run reports the same counts and writes nothing', async () => {
    const k = audienceKit();
    const r = await k.crm.imports.importFile(k.file('customers.csv', SHOP_CSV), { dryRun: true });
    expect({ created: r.created, merged: r.merged, dryRun: r.dryRun }).toEqual({ created: 2, merged: 1, dryRun: true });
    expect(k.contacts.list().total).toBe(0);
  });

  it('merges a row into the WhatsApp contact with that number, keeping its id and history', async () => {
    const k = audienceKit();
    const wa = k.contacts.upsertFromWhatsApp({ waId: '919876543210', name: 'asha' });
    k.contacts.recordInbound(wa.id, '2026-01-01T10:00:00.000Z');
    const r = await k.crm.imports.importFile(k.file('c.csv', 'Name,Phone,Total Purchase\r\nAsha Mehta,+91 98765 43210,"2,50,000"\r\n'));
    expect({ created: r.created, merged: r.merged }).toEqual({ created: 0, merged: 1 });
    expect(r.duplicatesExisting).toEqual([{ row: 2, contactId: wa.id, phone: '+919876543210' }]);
    const d = k.contacts.get(wa.id);
    expect(d).toMatchObject({ waId: '919876543210', name: 'Asha Mehta', totalSpend: 250000, messageCount: 1, lastMessageAt: '2026-01-01T10:00:00.000Z' });
    expect(d.merges).toEqual([expect.objectContaining({ via: 'import', fields: ['name', 'total_spend'] })]);
    // Empty cells never blank what the store knows.
    await k.crm.imports.importFile(k.file('d.csv', 'Name,Phone,Total Purchase\r\n,9876543210,\r\n'));
    expect(k.contacts.get(wa.id)).toMatchObject({ name: 'Asha Mehta', totalSpend: 250000 });
  });

  it('reads a contact again after this import changed it, and joins two contacts one row points at', async () => {
    const k = audienceKit();
    // A shopper whose WhatsApp is a Dubai number while their phone is Indian.
    await k.crm.imports.importFile(k.file('a.csv', 'Name,Phone,WhatsApp Id\r\nAsha,+91 98765 43210,971501234567\r\n'));
    const [asha] = k.contacts.all();
    expect(asha).toMatchObject({ phone: '+919876543210', waId: '971501234567' });
    // Two rows reach her, one by each id: the second must build on the first's change, not on her old record.
    const r = await k.crm.imports.importFile(k.file('b.csv', 'Name,Phone,WhatsApp Id,City\r\nAsha Rao,9876543210,,\r\n,,971501234567,Dubai\r\n'));
    expect({ created: r.created, merged: r.merged }).toEqual({ created: 0, merged: 2 });
    expect(k.contacts.all()).toEqual([expect.objectContaining({ id: asha?.id, name: 'Asha Rao', city: 'Dubai' })]);
    // A WhatsApp contact and an imported one that a single row shows to be the same person become one.
    const wa = k.contacts.upsertFromWhatsApp({ waId: '919811122233', name: 'ravi' });
    await k.crm.imports.importFile(k.file('c.csv', 'Name,Phone\r\nRavi Kumar,+91 99999 00000\r\n'));
    const joined = await k.crm.imports.importFile(k.file('d.csv', 'Name,Phone,WhatsApp Id,City\r\nRavi K,+91 99999 00000,919811122233,Pune\r\n'));
    expect({ created: joined.created, merged: joined.merged }).toEqual({ created: 0, merged: 1 });
    const ravis = k.contacts.all().filter((c) => c.name?.startsWith('Ravi'));
    expect(ravis).toEqual([expect.objectContaining({ id: wa.id, name: 'Ravi K', city: 'Pune', waId: '919811122233' })]);
  });

  it('reads Excel: numbers that lost the leading 0 or carry 91, real dates and serials, amounts with paise, a second phone column kept as custom', async () => {
    const k = audienceKit();
    const buf = await xlsx([
      ['Name', 'Phone No', 'WhatsApp', 'Birthday', 'Anniversary', 'Total Purchase', 'Last Purchase', 'Ring Size'],
      ['Asha', 9876543210, 9876543210, new Date(Date.UTC(1990, 4, 14)), 42140, 125000.4, new Date(Date.UTC(2025, 10, 2)), 12],
      ['Ravi', 919811122233, null, '14-May-1988', 'May 2', '2 Cr', '05/11/2025', null],
      ['Old', 919876000000, null, null, null, null, null, null],
    ], { title: 'Customers 2025' });
    const r = await k.crm.imports.importFile(k.file('book.xlsx', buf), { mapping: { 'Ring Size': 'custom:Ring size' } });
    expect(r.mapping).toMatchObject({ Name: 'name', 'Phone No': 'phone', WhatsApp: 'custom:WhatsApp', Birthday: 'birthday', Anniversary: 'anniversary', 'Total Purchase': 'totalSpend', 'Last Purchase': 'lastPurchaseAt', 'Ring Size': 'custom:Ring size' });
    expect({ created: r.created, rejected: r.rejected }).toEqual({ created: 3, rejected: [] });
    const byName = Object.fromEntries(k.contacts.all().map((c) => [c.name, c]));
    expect(byName.Asha).toMatchObject({ phone: '+919876543210', birthday: '1990-05-14', anniversary: '2015-05-16', totalSpend: 125000, lastPurchaseAt: '2025-11-02T00:00:00.000Z', custom: { WhatsApp: '9876543210', 'Ring size': '12' } });
    expect(byName.Ravi).toMatchObject({ phone: '+919811122233', birthday: '1988-05-14', anniversary: '05-02', totalSpend: 20_000_000, lastPurchaseAt: '2025-11-05T00:00:00.000Z' });
    expect(byName.Old?.phone).toBe('+919876000000');
  });

  it('reads two header rows under merged group cells (Excel and CSV) as one header naming each column', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Customers');
    ws.addRow(['Customer', null, 'Contact', null, 'Birthday', 'Anniversary']);
    ws.addRow(['Name', 'City', 'Mobile', 'Email', 'Date', 'Date']);
    ws.addRow(['Asha', 'Surat', '98765 43210', 'asha@example.com', '14-05-1990', '16-05-2015']);
    ws.addRow(['Ravi', 'Pune', '+91-98111-22233', '', '', '02-05-2010']);
    ws.mergeCells('A1:B1');
    ws.mergeCells('C1:D1');
    const k = audienceKit();
    const r = await k.crm.imports.importFile(k.file('merged.xlsx', Buffer.from(await wb.xlsx.writeBuffer())));
    expect(r.mapping).toEqual({ Name: 'name', City: 'city', Mobile: 'phone', Email: 'email', 'Birthday Date': 'birthday', 'Anniversary Date': 'anniversary' });
    expect({ created: r.created, rejected: r.rejected }).toEqual({ created: 2, rejected: [] });
    const byName = Object.fromEntries(k.contacts.all().map((c) => [c.name, c]));
    expect(byName.Asha).toMatchObject({ phone: '+919876543210', city: 'Surat', birthday: '1990-05-14', anniversary: '2015-05-16' });
    expect(byName.Ravi).toMatchObject({ phone: '+919811122233', anniversary: '2010-05-02' });

    const csv = audienceKit();
    const c = await csv.crm.imports.importFile(csv.file('merged.csv', 'Customer,,Contact,\nName,City,Mobile,Email\nAsha,Surat,9876543210,asha@example.com\n'));
    expect(c.mapping).toEqual({ Name: 'name', City: 'city', Mobile: 'phone', Email: 'email' });
    expect(c.created).toBe(1);
  });

  it('reads a semicolon CSV with a BOM and month-first dates when the column can only be month-first', async () => {
    const k = audienceKit();
    const r = await k.crm.imports.importFile(k.file('us.csv', '\ufeffName;Phone;Birthday\n"Shah, A";9876500001;05/25/1990\nB;9876500002;12/01/1991\n'));
    expect(r.created).toBe(2);
    const byName = Object.fromEntries(k.contacts.all().map((c) => [c.name, c.birthday]));
    expect(byName).toEqual({ 'Shah, A': '1990-05-25', B: '1991-12-01' });
  });

  it('reads day-first when a column could be either (the Indian way)', async () => {
    const k = audienceKit();
    await k.crm.imports.importFile(k.file('in.csv', 'Name,Phone,DOB\nA,9876500001,05/06/1990\nB,9876500002,13/01/1991\n'));
    expect(k.contacts.all({ sort: 'name' }).map((c) => c.birthday)).toEqual(['1990-06-05', '1991-01-13']);
  });

  it('lists rejected rows as CSV with their own cells, to fix and import again', async () => {
    const k = audienceKit();
    const preview = await k.crm.imports.upload(Buffer.from(SHOP_CSV), 'customers.csv');
    expect(preview).toMatchObject({ fileName: 'customers.csv', format: 'csv', rowCount: 8, headers: ['S.No', 'Cust Name', 'Mobile', 'DOB', 'Anniv', 'Total Purchase', 'City', 'Email', 'Tags'] });
    expect(preview.sampleRows[0]).toEqual(['1', 'Asha Mehta', '98765 43210', '14/05/1990', '02-Dec-2015', '₹1,25,000', 'Pune', 'asha@example.com', 'VIP, Bridal']);
    expect(preview.suggestedMapping.Mobile).toBe('phone');
    const job = k.crm.imports.run(preview.id, { mapping: { City: 'custom:Town' } });
    expect(job.status).toBe('running');
    await k.crm.imports.idle();
    const done = k.crm.imports.get(preview.id);
    expect(done).toMatchObject({ status: 'done', progress: { processed: 8, total: 8 } });
    expect(done.report?.mapping.City).toBe('custom:Town');
    expect(k.live.filter((m) => m.type === 'crm.import.progress').at(-1)).toMatchObject({ jobId: preview.id, processed: 8, total: 8 });
    const { csv } = k.crm.imports.rejectedCsv(preview.id);
    const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Row,Reason,S.No,Cust Name,Mobile,DOB,Anniv,Total Purchase,City,Email,Tags');
    expect(lines[1]).toBe('7,"Mobile: ""12345"" is not a phone number",4,Nobody,12345,,,,,,');
    expect(lines).toHaveLength(6);
  });

  it('refuses a mapping without a phone, or two columns for one field', async () => {
    const k = audienceKit();
    const p = await k.crm.imports.upload(Buffer.from('Name,Mobile,Phone 2\nA,9876500001,9876500002\n'), 'x.csv');
    expect(() => k.crm.imports.run(p.id, { mapping: { Mobile: null, 'Phone 2': null } })).toThrow(/Map one column to phone/);
    expect(() => k.crm.imports.run(p.id, { mapping: { 'Phone 2': 'phone' } })).toThrow(/Both "Mobile" and "Phone 2" are mapped to phone/);
    expect(() => k.crm.imports.run(p.id, { mapping: { Nope: 'name' } })).toThrow(/no column "Nope"/);
  });

  it('imports 10,000 rows with every row accounted for', async () => {
    const k = audienceKit();
    const lines = ['Name,Mobile,Total Purchase'];
    for (let i = 0; i < 10_000; i += 1) lines.push(`Customer ${i},${9_000_000_000 + (i % 9_000)},${i * 10}`);
    const r = await k.crm.imports.importFile(k.file('big.csv', lines.join('\n')));
    expect({ created: r.created, merged: r.merged, rejected: r.rejected.length, rows: r.rows }).toEqual({ created: 9_000, merged: 1_000, rejected: 0, rows: 10_000 });
    expect(k.contacts.list().total).toBe(9_000);
  });
});
