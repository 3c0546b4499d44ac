import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactDetail, ContactExport, ContactImportJob, ContactImportPreview, ContactList, Segment } from '../contracts/index.js';
import { startTempServer, type TempServer } from '../../../test/helpers/temp-server.js';

const CSV = 'Cust Name,Mobile,Total Purchase,Tags,Ring Size\r\nAsha Mehta,98765 43210,"₹1,25,000",VIP,12\r\n"Shah, Ravi",+91-98111-22233,1.2 lakh,,\r\nBad,12345,,,\r\n';

describe('crm over HTTP', () => {
  let s: TempServer;
  beforeAll(async () => {
    s = await startTempServer();
  }, 60_000);
  afterAll(async () => s?.stop());

  it('runs the import wizard: upload → preview → run with a changed mapping → report, rejected CSV, list and export', async () => {
    const up = await s.api('/api/contacts/imports?name=customers.csv', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: CSV });
    expect(up.status).toBe(200);
    const preview = (await up.json()) as ContactImportPreview;
    expect(preview).toMatchObject({ fileName: 'customers.csv', rowCount: 3, suggestedMapping: { 'Cust Name': 'name', Mobile: 'phone', 'Total Purchase': 'totalSpend', Tags: 'tags', 'Ring Size': null } });

    const run = await s.api(`/api/contacts/imports/${preview.id}/run`, { method: 'POST', json: { mapping: { 'Ring Size': 'custom:Ring size' } } });
    expect(run.status).toBe(200);
    let job = (await run.json()) as ContactImportJob;
    for (let i = 0; i < 100 && job.status !== 'done' && job.status !== 'failed'; i += 1) {
      await new Promise((r) => setTimeout(r, 50));
      job = (await (await s.api(`/api/contacts/imports/${preview.id}`)).json()) as ContactImportJob;
    }
    expect(job).toMatchObject({ status: 'done', report: { created: 2, merged: 0, unchanged: 0, rejected: [{ row: 4, reason: 'Mobile: "12345" is not a phone number' }] } });

    const rejected = await s.api(`/api/contacts/imports/${preview.id}/rejected.csv`);
    expect(rejected.headers.get('content-type')).toMatch(/text\/csv/);
    expect(await rejected.text()).toContain('4,"Mobile: ""12345"" is not a phone number",Bad,12345');

    const list = (await (await s.api('/api/contacts?sort=-totalSpend')).json()) as ContactList;
    expect(list.total).toBe(2);
    expect(list.contacts[0]).toMatchObject({ name: 'Asha Mehta', phone: '+919876543210', totalSpend: 125000, tags: ['VIP'], custom: { 'Ring size': '12' } });
    expect(((await (await s.api('/api/contacts?q=shah')).json()) as ContactList).contacts.map((c) => c.name)).toEqual(['Shah, Ravi']);
    expect(((await (await s.api('/api/contacts?tag=VIP')).json()) as ContactList).total).toBe(1);

    const csv = await (await s.api('/api/contacts/export.csv?sort=name')).text();
    const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Name,Phone,WhatsApp ID,Email,City,Birthday,Anniversary,Total Spend,Last Purchase,Last Message,Messages,Source,Opt-in,Tags,Notes,Ring size');
    // The phone stays text in Excel; a name with a comma is quoted.
    expect(lines[1]).toMatch(/^Asha Mehta,'\+919876543210,,,,,,125000,/);
    expect(lines[2]).toMatch(/^"Shah, Ravi",'\+919811122233,/);

    // The grid's own rows (after its column filters), in its order, with the same columns.
    const all = ((await (await s.api('/api/contacts?sort=name')).json()) as ContactList).contacts;
    const [asha, ravi] = all;
    const picked = (await (await s.api('/api/contacts/export', { method: 'POST', json: { ids: [ravi?.id, asha?.id, 999_999] } })).json()) as ContactExport;
    const rows = picked.csv.trim().split('\r\n');
    expect({ count: picked.count, header: rows[0], bom: picked.csv.startsWith('\ufeff') }).toEqual({ count: 2, header: lines[0], bom: false });
    expect(rows.slice(1).map((l) => l.split(',')[0])).toEqual(['"Shah', 'Asha Mehta']);
    const none = await s.api('/api/contacts/export', { method: 'POST', json: { ids: [] } });
    expect(none.status).toBe(400);
  });

  it('edits a contact, tags in bulk, and answers segments and their live count', async () => {
    const created = await s.api('/api/contacts', { method: 'POST', json: { phone: '9876500009', name: 'Meena', notes: 'walk-in' } });
    expect(created.status).toBe(200);
    const c = (await created.json()) as ContactDetail;
    const patched = (await (await s.api(`/api/contacts/${c.id}`, { method: 'PATCH', json: { tags: ['Bridal'], city: 'Pune' } })).json()) as ContactDetail;
    expect(patched).toMatchObject({ tags: ['Bridal'], city: 'Pune', notes: 'walk-in', tagDetails: [{ tag: 'Bridal', source: 'manual' }] });
    expect(await (await s.api('/api/contacts/bulk-tags', { method: 'POST', json: { ids: [c.id], add: ['Gold'] } })).json()).toEqual({ changed: 1 });
    const bad = await s.api(`/api/contacts/${c.id}`, { method: 'PATCH', json: { email: 'nope' } });
    expect(bad.status).toBe(400);

    const segs = (await (await s.api('/api/segments')).json()) as { segments: Segment[] };
    expect(segs.segments.map((x) => x.name)).toEqual(['Big Spenders', 'Cold Leads', 'Window Shoppers']);
    const big = segs.segments[0] as Segment;
    // ₹1,25,000 and "1.2 lakh" (₹1,20,000) are both over the ₹1,00,000 line.
    expect(big.count).toBe(2);
    expect(((await (await s.api(`/api/contacts?segment=${big.id}&sort=name`)).json()) as ContactList).contacts.map((x) => x.name)).toEqual(['Asha Mehta', 'Shah, Ravi']);
    expect(await (await s.api('/api/segments/count', { method: 'POST', json: { name: 'x', rules: [{ field: 'city', op: 'eq', value: 'pune' }] } })).json()).toEqual({ count: 1 });
    expect((await s.api(`/api/segments/${big.id}`, { method: 'DELETE' })).status).toBe(409);
  });

  it('refuses an upload over 50 MB before reading it', async () => {
    // Only the first bytes are sent: the answer comes from the declared length alone.
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${s.admin}/api/contacts/imports?name=huge.csv`, {
        method: 'POST',
        headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/octet-stream', 'content-length': String(60 * 1024 * 1024) },
      }, (res) => {
        resolve(res.statusCode ?? 0);
        res.resume();
        req.destroy();
      });
      req.on('error', (err) => (err.message.includes('socket hang up') ? undefined : reject(err)));
      req.write(Buffer.alloc(1024, 120));
    });
    expect(status).toBe(413);
  });
});
