// @vitest-environment jsdom
import '../../test/setup-dom';
import { notifications } from '@mantine/notifications';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { changeValue, cleanup, click, getButton, getByLabelText, hasText, waitFor } from '../../test/dom';
import { FakeSocket } from '../../test/fakeSocket';
import { storeProfile } from '../../test/fixtures';
import { renderWhatsAppSettings, requestsTo } from './renderWhatsAppSettings';
import { connectionStatus, contact, deliveries, keysSaved, secretList, tunnelUp } from './whatsappFixtures';

beforeEach(() => {
  FakeSocket.instances = [];
});
afterEach(() => {
  cleanup();
  notifications.clean();
  vi.useRealTimers();
});

const section = (name: string) => {
  const el = document.querySelector(`section[aria-label="${name}"]`);
  if (!el) throw new Error(`No section "${name}"`);
  return el.textContent ?? '';
};

describe('Settings → WhatsApp', () => {
  it('tells the owner to paste the new webhook URL when the tunnel URL changes', async () => {
    await renderWhatsAppSettings({ 'GET /api/tunnel': () => ({ json: tunnelUp() }) }, { live: true });
    act(() => FakeSocket.latest().open());
    expect(hasText('Your webhook URL changed')).toBe(false);

    act(() =>
      FakeSocket.latest().send({
        type: 'tunnel.changed',
        time: '2026-03-04T13:00:00Z',
        url: 'https://lakshmi-jewellers-p7w2k1.loca.lt',
        webhookUrl: 'https://lakshmi-jewellers-p7w2k1.loca.lt/webhooks/whatsapp',
        previousUrl: 'https://lakshmi-jewellers-k3x9q2.loca.lt',
      }),
    );
    await waitFor(() => hasText("Your webhook URL changed — paste the new one in Meta's dashboard"), 'the notice');
    const notice = document.querySelector('[role="alert"]')?.textContent ?? '';
    expect(notice).toContain('https://lakshmi-jewellers-p7w2k1.loca.lt/webhooks/whatsapp');

    click(getByLabelText<HTMLButtonElement>('Dismiss'));
    expect(hasText('Your webhook URL changed')).toBe(false);
  });

  it('saves the Mistral key as a secret and shows only its hint; removes it', async () => {
    const fake = await renderWhatsAppSettings({
      'PUT /api/settings/secrets/mistral.apiKey': () => ({ json: { name: 'mistral.apiKey', set: true, hint: '••••wxyz', updatedAt: '2026-03-04T10:00:00Z' } }),
      'DELETE /api/settings/secrets/mistral.apiKey': () => ({ json: { name: 'mistral.apiKey', set: false, hint: null, updatedAt: null } }),
    });
    expect(section('Mistral')).toContain('Not set');
    const input = getByLabelText('Mistral API key');
    changeValue(input, 'sk-mistral-0123456789abcdwxyz');
    click(getButton('Save key'));
    await waitFor(() => section('Mistral').includes('Set ••••wxyz'), 'the hint');
    expect(requestsTo(fake, 'PUT', '/api/settings/secrets/mistral.apiKey').map((r) => r.body)).toEqual([{ value: 'sk-mistral-0123456789abcdwxyz' }]);
    expect(input.value).toBe('');
    expect(document.body.innerHTML).not.toContain('sk-mistral-0123456789abcdwxyz');

    click(getButton('Remove key'));
    await waitFor(() => section('Mistral').includes('Not set'), 'removed');
    expect(requestsTo(fake, 'DELETE', '/api/settings/secrets/mistral.apiKey')).toHaveLength(1);
  });

  it('shows what Mistral was used for in the last 30 days, in Indian number format', async () => {
    const totals = { calls: 1234, promptTokens: 250000, completionTokens: 41000 };
    await renderWhatsAppSettings({ 'GET /api/brain/usage': () => ({ json: { since: '2026-11-02', rows: [{ day: '2026-12-01', provider: 'mistral', model: 'mistral-small-latest', agentId: 1, ...totals }], totals, mistral: totals } }) });
    await waitFor(() => section('Mistral').includes('1,234 Mistral calls'), 'the use line');
    expect(section('Mistral')).toContain('Last 30 days: 1,234 Mistral calls · 2,50,000 tokens in, 41,000 out.');
  });

  it("states what Mistral's terms say about training, and points to them for retention", async () => {
    await renderWhatsAppSettings();
    const text = section('Mistral');
    expect(text).toContain('Scale plan are not used to train its models');
    expect(text).toContain('Experiment plan they may be, unless you opt out');
    expect(text).toContain("check Mistral's current terms at legal.mistral.ai");
    const links = [...document.querySelectorAll<HTMLAnchorElement>('section[aria-label="Mistral"] a')].map((a) => a.href);
    expect(links).toEqual([
      'https://help.mistral.ai/en/articles/323757-do-you-use-my-user-data-to-train-your-artificial-intelligence-models',
      'https://legal.mistral.ai/terms/privacy-policy',
    ]);
  });

  it('warns when secrets are kept in memory only', async () => {
    await renderWhatsAppSettings({ 'GET /api/settings/secrets': () => ({ json: secretList({ storage: 'memory' }) }) });
    await waitFor(() => hasText('Secrets are kept in memory only on this computer — you will need to enter them again after a restart'), 'the notice');
  });

  it('explains demo mode, and asks for a restart once a real connection is saved', async () => {
    let status = connectionStatus({ mode: 'demo-emulator' });
    await renderWhatsAppSettings({ 'GET /api/whatsapp/connection': () => ({ json: status }) }, { live: true });
    act(() => FakeSocket.latest().open());
    await waitFor(() => hasText('Demo: built-in emulator'), 'the mode badge');
    expect(hasText('Demo mode')).toBe(true);

    status = keysSaved({ mode: 'demo-emulator', restartNeeded: true });
    act(() => FakeSocket.latest().send({ type: 'settings.changed', time: '2026-03-04T13:00:00Z', key: 'secret.whatsapp.accessToken' }));
    await waitFor(() => hasText('Restart Revive to switch'), 'the restart note');
  });

  it("lists the last webhook deliveries and counts signature failures, in the store's time zone", async () => {
    await renderWhatsAppSettings({
      'GET /api/whatsapp/webhook/deliveries': () => ({
        json: deliveries({
          counts: { stored: 41, signatureFailures: 3, refused: 4 },
          storedTotal: 1207,
          lastStoredAt: '2026-03-04T12:35:00.000Z',
          deliveries: [
            { receivedAt: '2026-03-04T12:35:00.000Z', httpStatus: 200, outcome: 'stored', bytes: 812, messages: 2, newMessages: 1, statuses: 0, preferences: 0 },
            { receivedAt: '2026-03-04T12:30:00.000Z', httpStatus: 401, outcome: 'bad_signature', bytes: 640, messages: 0, newMessages: 0, statuses: 0, preferences: 0 },
          ],
        }),
      }),
    });
    await waitFor(() => hasText('Signature failures'), 'the health card');
    const text = section('Webhook health');
    expect(text).toMatch(/Signature failures\s*3/);
    expect(text).toContain('1,207 deliveries stored in all');
    const rows = [...document.querySelectorAll('table[aria-label="Last webhook deliveries"] tbody tr')].map((r) => r.textContent);
    expect(rows[0]).toMatch(/4 Mar, 6:05:00\s*pmReceived2 \(1 repeated\)0/);
    expect(rows[1]).toContain('Refused: wrong signature');
  });

  it("shows each recent customer's 24-hour window in the store's time zone", async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-04T13:00:00.000Z'));
    await renderWhatsAppSettings({
      'GET /api/settings/store': () => ({ json: storeProfile({ timeZone: 'Asia/Dubai' }) }),
      'GET /api/contacts': () => ({
        json: {
          total: 2,
          contacts: [
            contact(),
            contact({ id: 2, name: null, phone: '+919812345678', waId: '919812345678', lastInboundAt: '2026-03-02T08:00:00.000Z', windowOpenUntil: '2026-03-03T08:00:00.000Z', windowOpen: false }),
          ],
        },
      }),
    });
    await waitFor(() => hasText('Priya Sharma'), 'the contacts');
    const rows = [...document.querySelectorAll('table[aria-label="Window per customer"] tbody tr')].map((r) => r.textContent ?? '');
    // 12:35 UTC the next day is 4:35 pm in Dubai.
    expect(rows[0]).toMatch(/Priya Sharma · \+91 98765 43210.*Open until 5 Mar, 4:35\s*pm GST/);
    expect(rows[1]).toMatch(/\+91 98123 45678.*Closed: templates only/);
  });

  it('explains the empty states', async () => {
    await renderWhatsAppSettings();
    await waitFor(() => hasText('No customer has written yet'), 'the empty windows');
    expect(hasText('No webhook has arrived since Revive started')).toBe(true);
  });
});
