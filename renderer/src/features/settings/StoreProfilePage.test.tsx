// @vitest-environment jsdom
import '../../test/setup-dom';
import { notifications } from '@mantine/notifications';
import { afterEach, describe, expect, it } from 'vitest';
import { changeValue, cleanup, click, getButton, getByLabelText, hasText, waitFor } from '../../test/dom';
import { createFakeFetch } from '../../test/fakeFetch';
import { storeProfile } from '../../test/fixtures';
import { renderScreen } from '../../test/renderApp';
import { StoreProfilePage } from './StoreProfilePage';

afterEach(() => {
  cleanup();
  notifications.clean();
});

async function openForm(putReply?: Parameters<typeof createFakeFetch>[0][string]) {
  const fake = createFakeFetch({
    'GET /api/settings/store': () => ({ json: storeProfile() }),
    'PUT /api/settings/store': putReply ?? ((req) => ({ json: req.body })),
  });
  renderScreen(<StoreProfilePage />, { fetch: fake.fetch });
  await waitFor(() => document.querySelector('form') !== null, 'the form');
  return fake;
}

const puts = (fake: ReturnType<typeof createFakeFetch>) => fake.requests.filter((r) => r.method === 'PUT');

describe('Store profile form', () => {
  it('shows the loaded profile', async () => {
    await openForm();
    expect(getByLabelText('Store name').value).toBe('Lakshmi Jewellers');
    expect(getByLabelText('Phone').value).toBe('+912222334455');
    expect(getByLabelText('City').value).toBe('Mumbai');
    expect(getByLabelText('PIN code').value).toBe('400002');
    expect(getByLabelText<HTMLSelectElement>('Time zone').value).toBe('Asia/Kolkata');
    expect(getByLabelText('Monday opens').value).toBe('10:30');
    expect(getByLabelText('Sunday closed').checked).toBe(true);
    expect(getByLabelText('Sunday opens').disabled).toBe(true);
  });

  it('shows a validation error for a bad PIN code and does not save', async () => {
    const fake = await openForm();
    const pin = getByLabelText('PIN code');
    changeValue(pin, '12345');
    click(getButton('Save'));
    await waitFor(() => hasText('A PIN code has 6 digits'), 'the PIN error');
    expect(pin.getAttribute('aria-invalid')).toBe('true');
    expect(hasText('Some details need fixing')).toBe(true);
    expect(puts(fake)).toHaveLength(0);
  });

  it("shows the server's field error from a 400 at the field", async () => {
    await openForm(() => ({
      status: 400,
      json: { error: { code: 'validation', message: 'Check the highlighted fields', fields: { 'address.city': 'Enter a city in India' } } },
    }));
    click(getButton('Save'));
    await waitFor(() => hasText('Enter a city in India'), 'the server error');
    const city = getByLabelText('City');
    expect(city.getAttribute('aria-invalid')).toBe('true');
    expect(hasText('Check the highlighted fields')).toBe(true);
    const describedBy = city.getAttribute('aria-describedby') ?? '';
    expect(describedBy.split(' ').some((id) => document.getElementById(id)?.textContent === 'Enter a city in India')).toBe(true);
  });

  it('saves the edited profile with PUT and reloads from the answer', async () => {
    const fake = await openForm((req) => ({ json: { ...(req.body as object), tagline: 'Saved by the server' } }));
    changeValue(getByLabelText('Store name'), '  Lakshmi Gold House ');
    changeValue(getByLabelText('City'), 'Pune');
    changeValue(getByLabelText('Saturday closes'), '21:30');
    click(getButton('Save'));
    await waitFor(() => hasText('Store profile saved'), 'the saved notification');

    const expected = storeProfile({ name: 'Lakshmi Gold House' });
    expected.address.city = 'Pune';
    expected.hours[5] = { day: 'sat', closed: false, open: '10:30', close: '21:30' };
    expect(puts(fake)).toHaveLength(1);
    expect(puts(fake)[0]).toMatchObject({ url: '/api/settings/store', body: expected, headers: { 'Content-Type': 'application/json' } });
    expect(getByLabelText('Tagline').value).toBe('Saved by the server');
  });

  it('starts from a blank profile when none has been saved yet', async () => {
    const fake = createFakeFetch({
      'GET /api/settings/store': () => ({ status: 404, json: { error: { code: 'not_found', message: 'No store profile yet' } } }),
    });
    renderScreen(<StoreProfilePage />, { fetch: fake.fetch });
    await waitFor(() => document.querySelector('form') !== null, 'the form');
    expect(hasText("Let's set up your store")).toBe(true);
    expect(getByLabelText('Country').value).toBe('India');
  });

  it('offers a retry when loading fails', async () => {
    const fake = createFakeFetch({ 'GET /api/settings/store': () => ({ status: 500, json: { error: { code: 'internal', message: 'Disk full' } } }) });
    renderScreen(<StoreProfilePage />, { fetch: fake.fetch });
    await waitFor(() => hasText('Disk full'), 'the error');
    expect(getButton('Try again')).toBeTruthy();
  });
});
