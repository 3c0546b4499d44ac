// @vitest-environment jsdom
import '../../test/setup-dom';
import { notifications } from '@mantine/notifications';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { changeValue, cleanup, click, getButton, getByLabelText, waitFor } from '../../test/dom';
import { createFakeFetch } from '../../test/fakeFetch';
import { renderScreen } from '../../test/renderApp';
import { TagsManager } from './TagsManager';

vi.setConfig({ testTimeout: 30_000 });
afterEach(() => {
  cleanup();
  notifications.clean();
});

type Tag = { tag: string; count: number; auto: number; banned: boolean };
const tagRows = () => [...document.querySelectorAll('[data-tag-row]')].map((r) => r.getAttribute('data-tag-row'));

function setup() {
  let tags: Tag[] = [
    { tag: 'BridalShopper', count: 12, auto: 9, banned: false },
    { tag: 'Bridal', count: 3, auto: 0, banned: false },
    { tag: 'Cheap', count: 5, auto: 5, banned: false },
  ];
  let changed = 0;
  const fake = createFakeFetch({
    'GET /api/tags': () => ({ json: { tags } }),
    'POST /api/tags/rename': (req) => {
      const { from, to } = req.body as { from: string; to: string };
      tags = tags.map((t) => (t.tag === from ? { ...t, tag: to } : t));
      return { json: { tags } };
    },
    'POST /api/tags/merge': (req) => {
      const { from, to } = req.body as { from: string[]; to: string };
      const count = tags.filter((t) => from.includes(t.tag)).reduce((n, t) => n + t.count, 0);
      tags = [{ tag: to, count, auto: 9, banned: false }, ...tags.filter((t) => !from.includes(t.tag) && t.tag !== to)];
      return { json: { tags } };
    },
    'POST /api/tags/ban': (req) => {
      const { tag, banned } = req.body as { tag: string; banned: boolean };
      tags = tags.map((t) => (t.tag === tag ? { ...t, banned, count: banned ? 0 : t.count } : t));
      return { json: { tags } };
    },
  });
  renderScreen(<TagsManager onClose={() => {}} onChanged={() => (changed += 1)} />, { fetch: fake.fetch });
  return { fake, changed: () => changed };
}

describe('Tags manager', () => {
  it('lists tags with counts, and renames one', async () => {
    const { fake, changed } = setup();
    await waitFor(() => tagRows().length === 3, 'the tags');
    expect(document.querySelector('[data-tag-row="BridalShopper"]')?.textContent).toContain('129');
    click(getByLabelText('Rename #Cheap'));
    changeValue(getByLabelText('New name for #Cheap'), '#PriceSensitive');
    click(getButton('Save'));
    await waitFor(() => tagRows().includes('PriceSensitive'), 'the renamed tag');
    expect(fake.requests.find((r) => r.url === '/api/tags/rename')?.body).toEqual({ from: 'Cheap', to: 'PriceSensitive' });
    expect(changed()).toBe(1);
  });

  it('merges several tags into one', async () => {
    const { fake } = setup();
    await waitFor(() => tagRows().length === 3, 'the tags');
    click(getByLabelText('Select #BridalShopper'));
    click(getByLabelText('Select #Bridal'));
    changeValue(getByLabelText('Merge 2 tags into'), 'BridalShopper');
    click(getButton('Merge'));
    await waitFor(() => tagRows().length === 2, 'the merged list');
    expect(fake.requests.find((r) => r.url === '/api/tags/merge')?.body).toEqual({ from: ['BridalShopper', 'Bridal'], to: 'BridalShopper' });
    expect(document.querySelector('[data-tag-row="BridalShopper"]')?.textContent).toContain('15');
  });

  it('bans a tag and can unban it', async () => {
    const { fake } = setup();
    await waitFor(() => tagRows().length === 3, 'the tags');
    click(getByLabelText('Ban #Cheap'));
    await waitFor(() => document.querySelector('[aria-label="Unban #Cheap"]') !== null, 'the banned mark');
    expect(document.querySelector('[data-tag-row="Cheap"]')?.textContent).toContain('banned');
    expect(fake.requests.find((r) => r.url === '/api/tags/ban')?.body).toEqual({ tag: 'Cheap', banned: true });
    click(getByLabelText('Unban #Cheap'));
    await waitFor(() => fake.requests.filter((r) => r.url === '/api/tags/ban').length === 2, 'the unban');
    expect(fake.requests.filter((r) => r.url === '/api/tags/ban').at(-1)?.body).toEqual({ tag: 'Cheap', banned: false });
  });
});
