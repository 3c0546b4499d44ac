import { CONTACT_PROFILE_DEFAULTS, type Contact, type SecretList, type TunnelStatus, type WebhookDeliveries, type WhatsAppConnectionStatus } from '../../api/contracts';

/** Test data for Settings → WhatsApp, shaped by the shared contracts. */
const unset = { set: false, hint: null, source: null, updatedAt: null } as const;

export function connectionStatus(overrides: Partial<WhatsAppConnectionStatus> = {}): WhatsAppConnectionStatus {
  const stored = { phoneNumberId: '', wabaId: '', catalogId: '', graphUrl: 'https://graph.facebook.com', apiVersion: 'v23.0' };
  return {
    stored,
    effective: stored,
    overrides: [],
    secrets: { accessToken: unset, appSecret: unset, verifyToken: unset },
    mode: 'not-configured',
    restartNeeded: false,
    missing: ['phoneNumberId', 'accessToken', 'appSecret', 'verifyToken'],
    ...overrides,
  };
}

/** Number and keys saved; only the verify token is missing (the wizard opens on the webhook step). */
export function keysSaved(overrides: Partial<WhatsAppConnectionStatus> = {}): WhatsAppConnectionStatus {
  const stored = { phoneNumberId: '106540352242922', wabaId: '102290129340398', catalogId: '', graphUrl: 'https://graph.facebook.com', apiVersion: 'v23.0' };
  const set = (hint: string) => ({ set: true, hint, source: 'settings' as const, updatedAt: '2026-03-04T10:00:00.000Z' });
  return connectionStatus({
    stored,
    effective: stored,
    secrets: { accessToken: set('••••1234'), appSecret: set('••••9876'), verifyToken: unset },
    mode: 'cloud-api',
    missing: ['verifyToken'],
    ...overrides,
  });
}

export function secretList(overrides: Partial<SecretList> = {}): SecretList {
  return {
    storage: 'key-file',
    secrets: (['whatsapp.accessToken', 'whatsapp.appSecret', 'whatsapp.verifyToken', 'mistral.apiKey'] as const).map((name) => ({ name, set: false, hint: null, updatedAt: null })),
    ...overrides,
  };
}

export function tunnelStatus(overrides: Partial<TunnelStatus> = {}): TunnelStatus {
  return {
    state: 'off',
    enabled: false,
    host: 'https://localtunnel.me',
    hostFromEnv: false,
    subdomain: 'lakshmi-jewellers-k3x9q2',
    url: null,
    webhookUrl: null,
    verifyToken: { set: false, hint: null, source: null },
    lastError: null,
    since: null,
    nextRetryAt: null,
    reconnects: 0,
    urlChangedAt: null,
    previousUrl: null,
    ...overrides,
  };
}

export function tunnelUp(overrides: Partial<TunnelStatus> = {}): TunnelStatus {
  const url = 'https://lakshmi-jewellers-k3x9q2.loca.lt';
  return tunnelStatus({ state: 'up', enabled: true, url, webhookUrl: `${url}/webhooks/whatsapp`, since: '2026-03-04T12:35:00.000Z', ...overrides });
}

export function deliveries(overrides: Partial<WebhookDeliveries> = {}): WebhookDeliveries {
  return {
    appSecretSet: true,
    since: '2026-03-04T04:00:00.000Z',
    counts: { stored: 0, signatureFailures: 0, refused: 0 },
    storedTotal: 0,
    lastStoredAt: null,
    deliveries: [],
    ...overrides,
  };
}

export function contact(overrides: Partial<Contact> = {}): Contact {
  return {
    id: 1,
    waId: '919876543210',
    userId: null,
    parentUserId: null,
    username: null,
    phone: '+919876543210',
    name: 'Priya Sharma',
    lastInboundAt: '2026-03-04T12:35:00.000Z',
    windowOpenUntil: '2026-03-05T12:35:00.000Z',
    windowOpen: true,
    marketingPreference: null,
    marketingPreferenceAt: null,
    ...CONTACT_PROFILE_DEFAULTS,
    tags: [],
    custom: {},
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-04T12:35:00.000Z',
    ...overrides,
  };
}
