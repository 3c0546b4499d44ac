import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxItem, WebhookDeliveries } from '../../contracts/index.js';
import { startTempServer, type TempServer } from '../../../../test/helpers/temp-server.js';
import { configureWebhook, loadUpdates, postTruncated, postWebhook, TEST_APP_SECRET } from '../../../../test/helpers/whatsapp-webhooks.js';
import { signWebhook } from './signature.js';

const text = (id: string) => {
  const body = structuredClone(loadUpdates('message.json').text) as { entry: { changes: { value: { messages: { id: string }[] } }[] }[] };
  const m = body.entry[0]?.changes[0]?.value.messages[0];
  if (m) m.id = id;
  return JSON.stringify(body);
};

async function deliveries(s: TempServer): Promise<WebhookDeliveries> {
  return (await (await s.api('/api/whatsapp/webhook/deliveries?limit=50')).json()) as WebhookDeliveries;
}

async function inbox(s: TempServer): Promise<InboxItem[]> {
  return ((await (await s.api('/api/whatsapp/inbox')).json()) as { items: InboxItem[] }).items;
}

describe('webhook verification handshake (GET)', () => {
  let s: TempServer;
  beforeAll(async () => {
    s = await startTempServer();
    await configureWebhook(s, { verifyToken: 'verify-me-please' });
  });
  afterAll(() => s.stop());

  const handshake = (query: string) => fetch(`http://127.0.0.1:${s.publicPort}/webhooks/whatsapp?${query}`);

  it('answers the challenge as plain text when the verify token matches', async () => {
    const res = await handshake('hub.mode=subscribe&hub.verify_token=verify-me-please&hub.challenge=1158201444');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('1158201444');
  });

  it('refuses a wrong token, a missing token and another mode with 403', async () => {
    for (const q of ['hub.mode=subscribe&hub.verify_token=verify-me-pleasE&hub.challenge=1', 'hub.mode=subscribe&hub.challenge=1', 'hub.mode=unsubscribe&hub.verify_token=verify-me-please&hub.challenge=1']) {
      const res = await handshake(q);
      expect(res.status).toBe(403);
      expect(await res.text()).not.toContain('1');
    }
  });

  it('is only on the public listener', async () => {
    const res = await s.api('/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=verify-me-please&hub.challenge=42');
    expect(await res.text()).not.toBe('42');
  });
});

describe('webhook POST refusals', () => {
  let s: TempServer;
  beforeAll(async () => {
    s = await startTempServer();
  });
  afterAll(() => s.stop());

  it('refuses everything with 401 while no app secret is configured, and says why in the deliveries', async () => {
    const res = await postWebhook(s, text('wamid.no-secret'));
    expect(res.status).toBe(401);
    const d = await deliveries(s);
    expect(d.appSecretSet).toBe(false);
    expect(d.deliveries[0]).toMatchObject({ outcome: 'no_secret', httpStatus: 401 });
    expect(d.storedTotal).toBe(0);
  });

  it('rejects unsigned, wrongly signed, truncated, oversized and unreadable bodies without storing anything, then takes a good one', async () => {
    await configureWebhook(s);
    const good = text('wamid.after-the-storm');
    const full = Buffer.from(good);
    const half = full.subarray(0, Math.floor(full.length / 2));
    const big = Buffer.alloc(4 * 1024 * 1024, 0x20);
    big.write('{"object":"whatsapp_business_account","entry":[],"pad":"');
    big.write('"}', big.length - 2);

    expect((await postWebhook(s, good, { signature: null })).status).toBe(401);
    expect((await postWebhook(s, good, { signature: 'sha256=zz' })).status).toBe(401);
    expect((await postWebhook(s, good, { signature: `sha1=${'a'.repeat(40)}` })).status).toBe(401);
    expect((await postWebhook(s, good, { secret: 'not-the-app-secret' })).status).toBe(401);
    // The signature of the whole body over only its first half.
    expect((await postWebhook(s, half, { signature: signWebhook(full, TEST_APP_SECRET) })).status).toBe(401);
    // Cut off on the wire: the declared length never arrives.
    expect(await postTruncated(s, half, full.length, signWebhook(full, TEST_APP_SECRET))).not.toBe(200);
    expect((await postWebhook(s, big)).status).toBe(413);
    expect((await postWebhook(s, 'this is not json')).status).toBe(400);
    expect((await postWebhook(s, '{"object":"whatsapp_business_account"')).status).toBe(400);
    expect((await postWebhook(s, JSON.stringify({ hello: 'world' }))).status).toBe(400);
    expect((await postWebhook(s, JSON.stringify([1, 2]))).status).toBe(400);

    let d = await deliveries(s);
    expect(d.storedTotal).toBe(0);
    expect(await inbox(s)).toEqual([]);
    expect(d.counts.signatureFailures).toBe(5);
    expect(d.deliveries.map((x) => x.outcome)).toEqual(
      expect.arrayContaining(['missing_signature', 'bad_signature', 'too_large', 'bad_json', 'bad_shape']),
    );

    const ok = await postWebhook(s, good);
    expect(ok.status).toBe(200);
    d = await deliveries(s);
    expect(d.storedTotal).toBe(1);
    expect(d.deliveries[0]).toMatchObject({ outcome: 'stored', httpStatus: 200, messages: 1, newMessages: 1, bytes: full.length });
    expect((await inbox(s)).map((i) => i.wamid)).toEqual(['wamid.after-the-storm']);
  });

  it('takes a body just under 3 MB', async () => {
    const body = JSON.parse(text('wamid.large')) as Record<string, unknown>;
    body.pad = 'x'.repeat(3 * 1024 * 1024 - 2_000);
    const res = await postWebhook(s, JSON.stringify(body));
    expect(res.status).toBe(200);
    expect((await inbox(s)).map((i) => i.wamid)).toContain('wamid.large');
  });

  it('keeps an unknown change field and an unknown message type instead of failing', async () => {
    const body = {
      object: 'whatsapp_business_account',
      entry: [{ id: '1', changes: [
        { field: 'account_update', value: { event: 'VERIFIED_ACCOUNT' } },
        { field: 'messages', value: { messaging_product: 'whatsapp', contacts: [{ wa_id: '919812345678', profile: { name: 'Asha' } }], messages: [{ from: '919812345678', id: 'wamid.poll', timestamp: '1760000000', type: 'poll', poll: { question: 'Gold or silver?' }, brand_new_field: { x: 1 } }] } },
      ] }],
    };
    expect((await postWebhook(s, JSON.stringify(body))).status).toBe(200);
    const item = (await (await s.api('/api/whatsapp/inbox/wamid.poll')).json()) as { message: { type: string; unsupportedType: string; raw: { brand_new_field: unknown } } };
    expect(item.message).toMatchObject({ type: 'unsupported', unsupportedType: 'poll', raw: { brand_new_field: { x: 1 } } });
  });
});
