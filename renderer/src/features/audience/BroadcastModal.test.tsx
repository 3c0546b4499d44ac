// @vitest-environment jsdom
import '../../test/setup-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { changeValue, cleanup, click, getButton, getByLabelText, hasText, waitFor } from '../../test/dom';
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
});
