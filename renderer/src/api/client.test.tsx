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
  });
});
