import { LiveClient } from '../../api/live';
import { waitFor } from '../../test/dom';
import { createFakeFetch } from '../../test/fakeFetch';
import { FakeSocket } from '../../test/fakeSocket';
import { storeProfile } from '../../test/fixtures';
import { renderScreen } from '../../test/renderApp';
import { connectionStatus, deliveries, secretList, tunnelStatus } from './whatsappFixtures';
import { WhatsAppSettingsPage } from './WhatsAppSettingsPage';

type Routes = Parameters<typeof createFakeFetch>[0];

/** Settings → WhatsApp against a fake server: every read answered, `routes` replacing any of them. */
export async function renderWhatsAppSettings(routes: Routes = {}, options: { live?: boolean } = {}) {
  const fake = createFakeFetch({
    'GET /api/whatsapp/connection': () => ({ json: connectionStatus() }),
    'GET /api/settings/secrets': () => ({ json: secretList() }),
    'GET /api/settings/store': () => ({ json: storeProfile() }),
    'GET /api/tunnel': () => ({ json: tunnelStatus() }),
    'GET /api/whatsapp/webhook/deliveries': () => ({ json: deliveries() }),
    'GET /api/contacts': () => ({ json: { total: 0, contacts: [] } }),
    'GET /api/brain/usage': () => ({ json: { since: '2026-11-02', rows: [], totals: { calls: 0, promptTokens: 0, completionTokens: 0 }, mistral: { calls: 0, promptTokens: 0, completionTokens: 0 } } }),
    ...routes,
  });
  const live = options.live ? new LiveClient({ url: 'ws://test/api/live', createSocket: (url) => new FakeSocket(url) }) : undefined;
  renderScreen(<WhatsAppSettingsPage />, { fetch: fake.fetch, path: '/settings/whatsapp', ...(live ? { live } : {}) });
  await waitFor(() => document.querySelector('.mantine-Stepper-root') !== null, 'the wizard');
  return fake;
}

/** A wizard step's button by its label ("Keys"), to jump to it. */
export function stepButton(label: string): HTMLButtonElement {
  const button = [...document.querySelectorAll<HTMLButtonElement>('.mantine-Stepper-step')].find((b) => b.querySelector('.mantine-Stepper-stepLabel')?.textContent === label);
  if (!button) throw new Error(`No step "${label}"`);
  return button;
}

export const requestsTo = (fake: ReturnType<typeof createFakeFetch>, method: string, url: string) => fake.requests.filter((r) => r.method === method && r.url === url);
