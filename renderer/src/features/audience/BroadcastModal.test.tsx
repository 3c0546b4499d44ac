// @vitest-environment jsdom
import '../../test/setup-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { changeValue, cleanup, click, getButton, getByLabelText, hasText, queryByLabelText, waitFor } from '../../test/dom';
import { createFakeFetch } from '../../test/fakeFetch';
import { renderScreen } from '../../test/renderApp';
import { segment } from './audienceFixtures';
import { BroadcastModal } from './BroadcastModal';

vi.setConfig({ testTimeout: 30_000 });
afterEach(cleanup);

const sent = { id: 3, segmentId: 1, segmentName: 'Big Spenders', template: 'diwali_offer', createdAt: '2026-03-04T12:35:00.000Z', total: 50, skippedOptOut: 4, skippedNoPhone: 1, queued: 45, sent: 0, delivered: 0, read: 0, failed: 0 };

describe('Broadcast to a segment', () => {
  it('sends the template to the segment and shows what was queued and skipped', async () => {
    let broadcasts: (typeof sent)[] = [];
    const fake = createFakeFetch({
      'GET /api/broadcasts': () => ({ json: { broadcasts } }),
      'POST /api/segments/1/broadcasts': () => {
        broadcasts = [sent];
        return { json: sent };
      },
    });
    renderScreen(<BroadcastModal segment={segment({ count: 50 })} timeZone="Asia/Kolkata" onClose={() => {}} />, { fetch: fake.fetch });
    await waitFor(() => hasText('No broadcasts yet.'), 'the empty list');
    click(getButton('Send to 50 contacts'));
    expect(hasText('Give the name of an approved template')).toBe(true);
    changeValue(getByLabelText('Template name'), 'diwali_offer');
    click(getButton('Send to 50 contacts'));
    await waitFor(() => hasText('45 queued · 4 skipped (opted out) · 1 skipped (no phone)'), 'the report');
    expect(fake.requests.find((r) => r.method === 'POST')?.body).toEqual({ template: 'diwali_offer', language: 'en', variables: [] });
    await waitFor(() => document.querySelectorAll('table[aria-label="Broadcasts"] tbody tr').length === 1, 'the broadcast in the list');
    expect(document.querySelector('table[aria-label="Broadcasts"] tbody tr')?.textContent).toContain('diwali_offer');
  });

  it('offers Meta\'s templates: approved ones only, their variables in order and the coupon for a copy-code button', async () => {
    const template = (over: object) => ({
      id: '1', name: 'diwali_offer', language: 'en', status: 'APPROVED', category: 'MARKETING', headerText: 'Diwali offer for you', headerVariables: 0,
      bodyText: 'Namaste {{1}}! This Diwali, enjoy {{2}} off making charges.', bodyVariables: 2, bodyExamples: ['Meera', '20%'], footerText: null,
      buttons: [{ index: 0, type: 'COPY_CODE', text: 'Copy offer code', needs: 'coupon_code', example: 'DIWALI20' }], components: [], sendable: true, refusal: null, ...over,
    });
    const fake = createFakeFetch({
      'GET /api/broadcasts': () => ({ json: { broadcasts: [] } }),
      'GET /api/templates': () => ({ json: { fetchedAt: null, templates: [template({}), template({ id: '2', name: 'order_update', status: 'PENDING', sendable: false, refusal: 'waiting for approval', buttons: [] })] } }),
      'POST /api/segments/1/broadcasts': () => ({ json: sent }),
    });
    renderScreen(<BroadcastModal segment={segment({ count: 50 })} timeZone="Asia/Kolkata" onClose={() => {}} />, { fetch: fake.fetch });
    await waitFor(() => queryByLabelText('Template') !== null, 'the template picker');
    click(getByLabelText('Template'));
    await waitFor(() => document.querySelectorAll('[role="option"]').length === 2, 'the options');
    const options = [...document.querySelectorAll<HTMLElement>('[role="option"]')];
    expect(options.map((o) => o.textContent)).toEqual(['diwali_offer (en)', 'order_update (en) — pending']);
    expect(options[1]?.getAttribute('data-combobox-disabled') ?? options[1]?.getAttribute('aria-disabled')).toBeTruthy();
    click(options[0]!);
    await waitFor(() => hasText('Namaste {{1}}!'), 'the template text');
    expect(getByLabelText('{{1}}').value).toBe('{{name}}');
    expect(getByLabelText('Coupon code').value).toBe('DIWALI20');
    click(getButton('Send to 50 contacts'));
    expect(hasText('Fill in all 2 variables of diwali_offer')).toBe(true);
    changeValue(getByLabelText('{{2}}'), '20%');
    click(getButton('Send to 50 contacts'));
    await waitFor(() => hasText('45 queued'), 'the report');
    expect(fake.requests.find((r) => r.method === 'POST')?.body).toEqual({ template: 'diwali_offer', language: 'en', variables: ['{{name}}', '20%'], couponCode: 'DIWALI20' });
  });
});
