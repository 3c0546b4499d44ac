// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { createFakeFetch } from '../test/fakeFetch';
import { health, storeProfile } from '../test/fixtures';
import { ApiClientError, createApiClient, fillPath } from './client';

const secret = { name: 'whatsapp.accessToken', set: true, hint: '…a1b2', updatedAt: '2026-03-04T10:00:00.000Z' };

describe('api client', () => {
  it('fills path params, sends JSON with the session cookie and returns the parsed answer', async () => {
    const fake = createFakeFetch({ 'PUT /api/settings/secrets/whatsapp.accessToken': () => ({ json: secret }) });
    const client = createApiClient({ fetch: fake.fetch });

    const result = await client.call('putSecret', { params: { name: 'whatsapp.accessToken' }, body: { value: 'EAAG-secret' } });

    expect(result).toEqual(secret);
    expect(fake.requests).toEqual([
      {
        url: '/api/settings/secrets/whatsapp.accessToken',
        method: 'PUT',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: { value: 'EAAG-secret' },
        credentials: 'same-origin',
      },
    ]);
  });

  it('sends reads without a body or content type', async () => {
    const fake = createFakeFetch({ 'GET /api/health': () => ({ json: health() }) });
    await createApiClient({ fetch: fake.fetch }).call('health');
    expect(fake.requests[0]).toMatchObject({ method: 'GET', headers: { Accept: 'application/json' }, body: undefined });
  });

  it('encodes params and refuses to build a path with one missing', () => {
    expect(fillPath('/api/settings/secrets/:name', { name: 'a b/c' })).toBe('/api/settings/secrets/a%20b%2Fc');
    expect(() => fillPath('/api/settings/secrets/:name', {})).toThrow(/Missing path parameter "name"/);
  });

  it('applies the response schema, defaults included', async () => {
    const { tagline: _tagline, gstin: _gstin, ...partial } = storeProfile();
    const fake = createFakeFetch({ 'GET /api/settings/store': () => ({ json: partial }) });
    const profile = await createApiClient({ fetch: fake.fetch }).call('getStore');
    expect(profile).toMatchObject({ tagline: '', gstin: '', name: 'Lakshmi Jewellers' });
  });

  it('rejects an answer that does not match the contract', async () => {
    const fake = createFakeFetch({ 'GET /api/health': () => ({ json: { status: 'fine' } }) });
    const error = await createApiClient({ fetch: fake.fetch }).call('health').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiClientError);
    expect(error).toMatchObject({ status: 200, code: 'bad_response' });
  });

  it('maps the error JSON to ApiClientError with its field messages', async () => {
    const body = { error: { code: 'validation', message: 'Check the highlighted fields', fields: { 'address.pincode': 'A PIN code has 6 digits' } } };
    const fake = createFakeFetch({ 'PUT /api/settings/store': () => ({ status: 400, json: body }) });
    const error = await createApiClient({ fetch: fake.fetch })
      .call('putStore', { body: storeProfile() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiClientError);
    expect(error).toMatchObject({
      status: 400,
      code: 'validation',
      message: 'Check the highlighted fields',
      fields: { 'address.pincode': 'A PIN code has 6 digits' },
    });
  });

  it('still gives a typed error when the error body is not JSON', async () => {
    const fake = createFakeFetch({ 'GET /api/health': () => ({ status: 502, text: '<html>Bad gateway</html>' }) });
    const error = await createApiClient({ fetch: fake.fetch }).call('health').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'http_502', fields: {} });
  });

  it('reports 401 to onUnauthorized', async () => {
    const onUnauthorized = vi.fn();
    const fake = createFakeFetch({
      'GET /api/health': () => ({ status: 401, json: { error: { code: 'unauthorized', message: 'No session' } } }),
    });
    const error = await createApiClient({ fetch: fake.fetch, onUnauthorized }).call('health').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('turns a network failure into status 0', async () => {
    const client = createApiClient({ fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    await expect(client.call('health')).rejects.toMatchObject({ status: 0, code: 'network' });
  });

  it('sends a query string for operations that declare one', async () => {
    const answer = { understood: { text: '' }, results: [], alternatives: [] };
    const fake = createFakeFetch({ 'GET /api/search/products?q=gold+bangles+under+50k&limit=5': () => ({ json: answer }) });
    await createApiClient({ fetch: fake.fetch }).call('searchProducts', { query: { q: 'gold bangles under 50k', limit: 5 } });
    expect(fake.requests[0]).toMatchObject({ method: 'GET', body: undefined });
  });

  it('uploads a file as octet-stream with its name in the query and parses the JSON answer', async () => {
    const preview = { id: 'i1', fileName: 'stock.csv', format: 'csv', headers: ['SKU'], sampleRows: [['A1']], suggestedMapping: { SKU: 'sku' }, mappingSource: 'suggested', rowCount: 1 };
    const fake = createFakeFetch({ 'POST /api/catalog/imports?fileName=stock+%281%29.csv': () => ({ json: preview }) });
    const file = new File(['SKU\nA1\n'], 'stock (1).csv', { type: 'text/csv' });
    const result = await createApiClient({ fetch: fake.fetch }).upload('startImport', { body: file, query: { fileName: file.name } });
    expect(result).toEqual(preview);
    expect(fake.requests[0]).toMatchObject({
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/octet-stream' },
      credentials: 'same-origin',
    });
    expect(fake.requests[0]?.body).toBe(file);
  });

  it('refuses an upload over the limit before sending it', async () => {
    const fake = createFakeFetch({});
    const big = new Blob([new Uint8Array(10 * 1024 * 1024 + 1)]);
    const error = await createApiClient({ fetch: fake.fetch })
      .upload('uploadProductImage', { params: { sku: 'SJ-1' }, body: big })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 413, code: 'payload_too_large' });
    expect(fake.requests).toHaveLength(0);
  });

  it('types path params and bodies from the api table', () => {
    const client = createApiClient({ fetch: () => Promise.reject(new Error('not called')) });
    const never = (p: Promise<unknown>) => void p.catch(() => {});
    // @ts-expect-error putSecret needs its :name param and a body
    never(client.call('putSecret'));
    // @ts-expect-error the body must match SecretPutSchema
    never(client.call('putSecret', { params: { name: 'x' }, body: { nope: 1 } }));
    // @ts-expect-error health takes no body
    never(client.call('health', { body: { a: 1 } }));
    never(client.call('deleteSecret', { params: { name: 'mistral.apiKey' } }));
    // @ts-expect-error searchProducts needs its query
    never(client.call('searchProducts'));
    never(client.call('searchProducts', { query: { q: 'ring' } }));
  });
});
