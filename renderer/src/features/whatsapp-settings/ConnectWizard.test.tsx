// @vitest-environment jsdom
import '../../test/setup-dom';
import { notifications } from '@mantine/notifications';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WhatsAppConnection } from '../../api/contracts';
import { changeValue, cleanup, click, getButton, getByLabelText, hasText, queryByLabelText, waitFor } from '../../test/dom';
import { FakeSocket } from '../../test/fakeSocket';
import { renderWhatsAppSettings, requestsTo, stepButton } from './renderWhatsAppSettings';
import { connectionStatus, keysSaved, tunnelStatus, tunnelUp } from './whatsappFixtures';

beforeEach(() => {
  FakeSocket.instances = [];
});
afterEach(() => {
  cleanup();
  notifications.clean();
});

describe('Connect wizard', () => {
  it('saves the number with PUT, then each key as a secret, and afterwards shows only their hints', async () => {
    let status = connectionStatus();
    const fake = await renderWhatsAppSettings({
      'GET /api/whatsapp/connection': () => ({ json: status }),
      'PUT /api/whatsapp/connection': (req) => {
        const stored = req.body as WhatsAppConnection;
        status = connectionStatus({ stored, effective: stored, missing: ['accessToken', 'appSecret', 'verifyToken'] });
        return { json: status };
      },
      'PUT /api/settings/secrets/whatsapp.accessToken': () => ({ json: { name: 'whatsapp.accessToken', set: true, hint: '••••1234', updatedAt: '2026-03-04T10:00:00Z' } }),
      'PUT /api/settings/secrets/whatsapp.appSecret': () => {
        status = keysSaved();
        return { json: { name: 'whatsapp.appSecret', set: true, hint: '••••9876', updatedAt: '2026-03-04T10:00:00Z' } };
      },
    });

    changeValue(getByLabelText('Phone number ID'), ' 106540352242922 ');
    changeValue(getByLabelText('WhatsApp Business Account ID'), '102290129340398');
    click(getButton('Save and continue'));
    await waitFor(() => queryByLabelText('Access token') !== null, 'the keys step');
    expect(requestsTo(fake, 'PUT', '/api/whatsapp/connection').map((r) => r.body)).toEqual([
      { phoneNumberId: '106540352242922', wabaId: '102290129340398', catalogId: '', graphUrl: 'https://graph.facebook.com', apiVersion: 'v23.0' },
    ]);

    changeValue(getByLabelText('Access token'), 'EAAGm0PX4ZCpsBAwxyz1234');
    changeValue(getByLabelText('App secret'), '0123456789abcdef0123456789ab9876');
    click(getButton('Save and continue'));
    await waitFor(() => hasText('Generate verify token'), 'the webhook step');
    expect(requestsTo(fake, 'PUT', '/api/settings/secrets/whatsapp.accessToken').map((r) => r.body)).toEqual([{ value: 'EAAGm0PX4ZCpsBAwxyz1234' }]);
    expect(requestsTo(fake, 'PUT', '/api/settings/secrets/whatsapp.appSecret').map((r) => r.body)).toEqual([{ value: '0123456789abcdef0123456789ab9876' }]);

    click(stepButton('Keys'));
    await waitFor(() => queryByLabelText('Access token') !== null, 'the keys step again');
    expect(hasText('Set ••••1234')).toBe(true);
    expect(hasText('Set ••••9876')).toBe(true);
    expect(getByLabelText('Access token').value).toBe('');
    expect(document.body.innerHTML).not.toContain('EAAGm0PX4ZCpsBAwxyz1234');
  });

  it('asks for a key that was never set instead of saving nothing', async () => {
    const fake = await renderWhatsAppSettings({
      'GET /api/whatsapp/connection': () => ({ json: connectionStatus({ missing: ['accessToken', 'appSecret', 'verifyToken'] }) }),
    });
    click(getButton('Save and continue'));
    await waitFor(() => hasText('Paste the access token from Meta'), 'the missing-token error');
    expect(getByLabelText('Access token').getAttribute('aria-invalid')).toBe('true');
    expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
  });

  it("shows the server's field error at the field", async () => {
    await renderWhatsAppSettings({
      'PUT /api/whatsapp/connection': () => ({
        status: 400,
        json: { error: { code: 'validation', message: 'Some connection details need fixing', fields: { phoneNumberId: 'Meta does not know this number' } } },
      }),
    });
    const phone = getByLabelText('Phone number ID');
    changeValue(phone, '106540352242922');
    click(getButton('Save and continue'));
    await waitFor(() => hasText('Meta does not know this number'), 'the server error');
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    expect(hasText('Some connection details need fixing')).toBe(true);
  });

  it('checks the ids with the shared schema before saving', async () => {
    const fake = await renderWhatsAppSettings();
    changeValue(getByLabelText('Phone number ID'), '10654abc');
    click(getButton('Save and continue'));
    await waitFor(() => hasText('The phone number id is a long number from Meta’s dashboard'), 'the schema error');
    expect(requestsTo(fake, 'PUT', '/api/whatsapp/connection')).toHaveLength(0);
  });

  it('shows a setting overridden by the environment read-only, with the variable named', async () => {
    const stored = { phoneNumberId: '', wabaId: '', catalogId: '', graphUrl: 'https://graph.facebook.com', apiVersion: 'v23.0' };
    await renderWhatsAppSettings({
      'GET /api/whatsapp/connection': () => ({
        json: connectionStatus({ stored, effective: { ...stored, phoneNumberId: '109999999999999' }, overrides: [{ field: 'phoneNumberId', variable: 'REVIVE_WA_PHONE_NUMBER_ID' }] }),
      }),
    });
    const phone = getByLabelText('Phone number ID');
    expect(phone.value).toBe('109999999999999');
    expect(phone.readOnly).toBe(true);
    expect(hasText('Set by REVIVE_WA_PHONE_NUMBER_ID on this computer; change it there.')).toBe(true);
  });

  it('generates the verify token and shows it once; leaving the step forgets it', async () => {
    let status = keysSaved();
    const fake = await renderWhatsAppSettings({
      'GET /api/whatsapp/connection': () => ({ json: status }),
      'POST /api/tunnel/verify-token/rotate': () => {
        status = keysSaved({ secrets: { ...keysSaved().secrets, verifyToken: { set: true, hint: '••••Qx9z', source: 'settings', updatedAt: '2026-03-04T10:00:00Z' } }, missing: [] });
        return { json: { value: 'kR3v7YtPq0nWm2LsXc8HdA5eJuB1Qx9z', verifyToken: { set: true, hint: '••••Qx9z', source: 'settings' } } };
      },
    });
    click(getButton('Generate verify token'));
    await waitFor(() => hasText('kR3v7YtPq0nWm2LsXc8HdA5eJuB1Qx9z'), 'the new token');
    expect(hasText('Your verify token — shown only this once')).toBe(true);
    expect(queryByLabelText('Copy verify token')).not.toBeNull();
    expect(requestsTo(fake, 'POST', '/api/tunnel/verify-token/rotate')).toHaveLength(1);
    await waitFor(() => hasText('Set ••••Qx9z'), 'the hint');

    click(stepButton('Test'));
    click(stepButton('Webhook'));
    await waitFor(() => hasText('Generate a new verify token'), 'the webhook step again');
    expect(hasText('kR3v7YtPq0nWm2LsXc8HdA5eJuB1Qx9z')).toBe(false);
    expect(hasText('Set ••••Qx9z')).toBe(true);
  });

  it("shows the tunnel's state, copies the webhook URL, and stops it", async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const fake = await renderWhatsAppSettings({
      'GET /api/whatsapp/connection': () => ({ json: keysSaved() }),
      'GET /api/tunnel': () => ({ json: tunnelUp() }),
      'POST /api/tunnel/stop': () => ({ json: tunnelStatus({ enabled: true }) }),
    });
    await waitFor(() => queryByLabelText('Tunnel state: On') !== null, 'the tunnel state');
    expect(hasText('https://lakshmi-jewellers-k3x9q2.loca.lt/webhooks/whatsapp')).toBe(true);

    click(getByLabelText<HTMLButtonElement>('Copy webhook URL'));
    await waitFor(() => hasText('Copied'), 'the copied state');
    expect(writeText).toHaveBeenCalledWith('https://lakshmi-jewellers-k3x9q2.loca.lt/webhooks/whatsapp');

    click(getButton('Stop the tunnel'));
    await waitFor(() => queryByLabelText('Tunnel state: Off') !== null, 'the tunnel off');
    expect(requestsTo(fake, 'POST', '/api/tunnel/stop')).toHaveLength(1);
    expect(hasText('The webhook URL appears here once the tunnel is on.')).toBe(true);
  });

  it('sends a test message to the number in E.164 and follows its status live', async () => {
    const queued = {
      id: 'out_01', to: '919876543210', contactId: null, correlationId: 'settings.test-message', kind: 'text', preview: 'Hello from Revive', status: 'queued',
      delivery: null, wamid: null, attempts: 0, errorCode: null, error: null, nextAttemptAt: null, createdAt: '2026-03-04T10:00:00Z', updatedAt: '2026-03-04T10:00:00Z', sentAt: null,
    };
    const fake = await renderWhatsAppSettings(
      {
        'GET /api/whatsapp/connection': () => ({ json: keysSaved({ missing: [] }) }),
        'POST /api/whatsapp/test-message': () => ({ json: queued }),
        'GET /api/whatsapp/outbox/out_01': () => ({ json: queued }),
      },
      { live: true },
    );
    act(() => FakeSocket.latest().open());
    changeValue(getByLabelText('Send to'), '98765 43210');
    click(getButton('Send test message'));
    await waitFor(() => hasText('Queued'), 'the queued status');
    expect(requestsTo(fake, 'POST', '/api/whatsapp/test-message').map((r) => r.body)).toEqual([{ to: '+919876543210' }]);
    expect(hasText('Test message to +91 98765 43210')).toBe(true);

    const live = { type: 'whatsapp.outbox', time: '2026-03-04T10:00:01Z', id: 'out_01', to: '919876543210', contactId: null, correlationId: 'settings.test-message', errorCode: null, error: null };
    act(() => FakeSocket.latest().send({ ...live, status: 'sent', delivery: null, wamid: 'wamid.A1' }));
    await waitFor(() => hasText('WhatsApp accepted it'), 'sent');
    act(() => FakeSocket.latest().send({ ...live, status: 'sent', delivery: 'read', wamid: 'wamid.A1' }));
    await waitFor(() => hasText('The message was opened on the phone.'), 'read');
  });

  it('refuses a number it cannot read, at the field', async () => {
    const fake = await renderWhatsAppSettings({ 'GET /api/whatsapp/connection': () => ({ json: keysSaved({ missing: [] }) }) });
    changeValue(getByLabelText('Send to'), '12345');
    click(getButton('Send test message'));
    await waitFor(() => hasText('Enter a mobile number with its country code'), 'the phone error');
    expect(getByLabelText('Send to').getAttribute('aria-invalid')).toBe('true');
    expect(requestsTo(fake, 'POST', '/api/whatsapp/test-message')).toHaveLength(0);
  });
});
