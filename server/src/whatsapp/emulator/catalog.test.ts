import { afterEach, describe, expect, it } from 'vitest';
import { createGraphClient, GraphApiError } from '../client/index.js';
import { productListMessage, productMessage, type GraphMessage } from '../messages/index.js';
import { startEmulator, validateSendBody, type Emulator } from './index.js';

const TOKEN = 'EAAcatalog-token';
const PHONE_ID = '106540352242922';
const CATALOG = '354160437058781';
const TO = '919876543210';

const running: Emulator[] = [];
afterEach(async () => {
  for (const e of running.splice(0)) await e.stop();
});
async function emulator(): Promise<Emulator> {
  const e = await startEmulator({ appSecret: 's', accessToken: TOKEN, phoneNumberId: PHONE_ID, statuses: 'none' });
  running.push(e);
  return e;
}
const post = (e: Emulator, path: string, body: unknown, token = TOKEN) =>
  fetch(`${e.url}/v23.0${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
const get = (e: Emulator, path: string) => fetch(`${e.url}/v23.0${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });

const good = (id: string) => ({ id, title: `Kangan ${id}`, description: '22K gold bangle', availability: 'in stock', condition: 'new', price: '48200.00 INR', image_link: `https://shop.example/${id}.png`, brand: 'S' });
async function feed(e: Emulator, requests: unknown[]) {
  const res = await post(e, `/${CATALOG}/items_batch`, { item_type: 'PRODUCT_ITEM', requests });
  const { handles } = (await res.json()) as { handles: string[] };
  await get(e, `/${CATALOG}/check_batch_request_status?handle=${handles[0]}`);
  const done = (await (await get(e, `/${CATALOG}/check_batch_request_status?handle=${handles[0]}&load_ids_of_invalid_requests=true`)).json()) as { data: { status: string; errors: { line: number; id: string; message: string }[]; ids_of_invalid_requests?: string[] }[] };
  return done.data[0]!;
}
const client = (e: Emulator) => createGraphClient({ config: () => ({ phoneNumberId: PHONE_ID, wabaId: '', catalogId: '', graphUrl: e.url, apiVersion: 'v23.0', accessToken: TOKEN, appSecret: 's', verifyToken: 'v' }) });

describe('emulator: the Commerce catalog', () => {
  it('takes an items_batch, answers in_progress then finished, with an error per refused item in Meta’s words', async () => {
    const e = await emulator();
    const res = await post(e, `/${CATALOG}/items_batch`, {
      item_type: 'PRODUCT_ITEM',
      requests: [
        { method: 'CREATE', data: good('OK-1') },
        { method: 'CREATE', data: { ...good('NO-IMG'), image_link: undefined } },
        { method: 'CREATE', data: { ...good('BAD-PRICE'), price: '₹48,200' } },
        { method: 'CREATE', data: { ...good('LONG'), title: 'x'.repeat(201) } },
        { method: 'UPSERT', data: good('BAD-METHOD') },
      ],
    });
    expect(res.status).toBe(200);
    const { handles } = (await res.json()) as { handles: string[] };
    expect(handles).toHaveLength(1);
    const first = (await (await get(e, `/${CATALOG}/check_batch_request_status?handle=${handles[0]}`)).json()) as { data: { status: string }[] };
    expect(first.data[0]!.status).toBe('in_progress');
    const done = (await (await get(e, `/${CATALOG}/check_batch_request_status?handle=${handles[0]}&load_ids_of_invalid_requests=true`)).json()) as { data: Record<string, unknown>[] };
    expect(done.data[0]).toMatchObject({
      status: 'finished',
      errors_total_count: 4,
      errors: [
        { line: 1, id: 'NO-IMG', message: 'Required field image_link is missing.' },
        { line: 2, id: 'BAD-PRICE', message: 'Invalid price format "₹48,200": use a number and an ISO 4217 currency code, e.g. "48200.00 INR".' },
        { line: 3, id: 'LONG', message: 'title is too long: 201 characters, the maximum is 200.' },
        { line: 4, id: 'BAD-METHOD', message: 'Invalid method "UPSERT": use CREATE, UPDATE or DELETE.' },
      ],
      ids_of_invalid_requests: ['NO-IMG', 'BAD-PRICE', 'LONG', 'BAD-METHOD'],
    });
    const listed = (await (await get(e, `/${CATALOG}/products?fields=retailer_id`)).json()) as { data: { retailer_id: string }[] };
    expect(listed.data.map((p) => p.retailer_id)).toEqual(['OK-1']);
  });

  it('refuses more than 5,000 requests with Meta’s error shape, and a wrong token with 190', async () => {
    const e = await emulator();
    const res = await post(e, `/${CATALOG}/items_batch`, { item_type: 'PRODUCT_ITEM', requests: Array.from({ length: 5001 }, (_, i) => ({ method: 'CREATE', data: good(`S-${i}`) })) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 100, type: 'OAuthException', message: '(#100) Too many requests in the batch: 5001. The maximum is 5000.', fbtrace_id: expect.any(String) } });
    const denied = await post(e, `/${CATALOG}/items_batch`, { item_type: 'PRODUCT_ITEM', requests: [{ method: 'CREATE', data: good('A') }] }, 'wrong');
    expect(denied.status).toBe(401);
    expect(((await denied.json()) as { error: { code: number } }).error.code).toBe(190);
  });

  it('UPDATE changes and DELETE removes an item; CREATE of an existing id is refused', async () => {
    const e = await emulator();
    await feed(e, [{ method: 'CREATE', data: good('A') }, { method: 'CREATE', data: good('B') }]);
    const result = await feed(e, [{ method: 'CREATE', data: good('A') }, { method: 'UPDATE', data: { ...good('B'), price: '50000.00 INR' } }, { method: 'DELETE', data: { id: 'A' } }]);
    expect(result.errors).toEqual([{ line: 0, id: 'A', message: 'An item with retailer id A already exists; use UPDATE.' }]);
    const listed = (await (await get(e, `/${CATALOG}/products?fields=retailer_id`)).json()) as { data: { retailer_id: string }[] };
    expect(listed.data.map((p) => p.retailer_id)).toEqual(['B']);
  });

  it('refuses a product or product list naming a retailer id the catalog does not hold (131009); accepts held ones', async () => {
    const e = await emulator();
    await feed(e, [{ method: 'CREATE', data: good('SJ-1') }, { method: 'CREATE', data: good('SJ-2') }]);
    const c = client(e);
    await expect(c.sendMessage(productMessage(TO, { catalogId: CATALOG, productRetailerId: 'SJ-1' }))).resolves.toMatchObject({ wamid: expect.stringMatching(/^wamid\./) });
    const list = (ids: string[]) => productListMessage(TO, { catalogId: CATALOG, header: 'Bangles', body: 'For you', sections: [{ title: '22K Bangles', productRetailerIds: ids }] });
    await expect(c.sendMessage(list(['SJ-1', 'SJ-2']))).resolves.toBeTruthy();
    const err = (await c.sendMessage(list(['SJ-1', 'SJ-9'])).catch((x: unknown) => x)) as GraphApiError;
    expect(err).toBeInstanceOf(GraphApiError);
    expect([err.httpStatus, err.code, err.details]).toEqual([400, 131009, 'Products not found in FB Catalog: SJ-9']);
    const single = (await c.sendMessage(productMessage(TO, { catalogId: CATALOG, productRetailerId: 'SJ-9' })).catch((x: unknown) => x)) as GraphApiError;
    expect(single.code).toBe(131009);
    expect(e.requests.filter((r) => r.path.endsWith('/messages')).map((r) => r.status)).toEqual([200, 200, 400, 400]);
    expect(e.accepted).toHaveLength(2);
    // a catalog the emulator was never fed is left to the usual validation
    await expect(c.sendMessage(productMessage(TO, { catalogId: '1', productRetailerId: 'ANY' }))).resolves.toBeTruthy();
  });

  it('accepts a contact card (the "Call store" card) and refuses one without a name', () => {
    const card = (name: Record<string, unknown>) => ({ messaging_product: 'whatsapp', to: TO, type: 'contacts', contacts: [{ name, phones: [{ phone: '+919812345678', type: 'WORK' }] }] }) as unknown as GraphMessage;
    expect(validateSendBody(card({ formatted_name: 'Sonali Jewellers', first_name: 'Sonali Jewellers' }))).toBeNull();
    expect(validateSendBody(card({ formatted_name: 'Sonali Jewellers' }))).toEqual({ code: 131008, details: 'The parameter contacts.name.first_name is required.' });
    expect(validateSendBody({ messaging_product: 'whatsapp', to: TO, type: 'contacts', contacts: [] })).toMatchObject({ code: 131009 });
  });
});
