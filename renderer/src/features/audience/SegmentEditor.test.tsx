// @vitest-environment jsdom
import '../../test/setup-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Segment } from '../../api/contracts';
import { changeValue, cleanup, click, getButton, getByLabelText, hasText, waitFor } from '../../test/dom';
import { createFakeFetch } from '../../test/fakeFetch';
import { renderScreen } from '../../test/renderApp';
import { segment } from './audienceFixtures';
import { SegmentEditor } from './SegmentEditor';

vi.setConfig({ testTimeout: 30_000 });
afterEach(cleanup);

const counts = (fake: ReturnType<typeof createFakeFetch>) => fake.requests.filter((r) => r.url === '/api/segments/count').map((r) => r.body);

describe('Segment editor', () => {
  it('counts the draft rules (debounced) and saves a new segment', async () => {
    let saved: Segment | null | undefined;
    const fake = createFakeFetch({
      'POST /api/segments/count': (req) => {
        const rules = (req.body as { rules: { value: unknown }[] }).rules;
        return { json: { count: rules.length > 1 ? 4 : 17 } };
      },
      'POST /api/segments': (req) => ({ json: { ...(req.body as object), id: 8, builtIn: false, count: 4 } }),
    });
    renderScreen(<SegmentEditor segment={null} onClose={() => {}} onSaved={(s) => (saved = s)} />, { fetch: fake.fetch });
    await waitFor(() => hasText('17 contacts match'), 'the first count', 10_000);
    expect(counts(fake)).toEqual([{ name: 'Draft', description: '', match: 'all', rules: [{ field: 'totalSpend', op: 'gte', value: 50000 }] }]);

    click(getButton('Add a rule'));
    changeValue(getByLabelText<HTMLSelectElement>('Rule 2 field'), 'city');
    changeValue(getByLabelText('Rule 2 value'), 'Pune');
    await waitFor(() => hasText('4 contacts match'), 'the new count', 10_000);
    expect(counts(fake).at(-1)).toEqual({ name: 'Draft', description: '', match: 'all', rules: [{ field: 'totalSpend', op: 'gte', value: 50000 }, { field: 'city', op: 'eq', value: 'Pune' }] });

    click(getButton('Save segment'));
    expect(hasText('Give the segment a name')).toBe(true);
    changeValue(getByLabelText('Name'), 'Pune big spenders');
    click(getButton('Save segment'));
    await waitFor(() => saved !== undefined, 'the save', 10_000);
    expect(fake.requests.find((r) => r.method === 'POST' && r.url === '/api/segments')?.body).toEqual({
      name: 'Pune big spenders',
      description: '',
      match: 'all',
      rules: [{ field: 'totalSpend', op: 'gte', value: 50000 }, { field: 'city', op: 'eq', value: 'Pune' }],
    });
    expect(saved?.id).toBe(8);
  });

  it('lets a built-in segment change only its threshold, and not be deleted', async () => {
    const fake = createFakeFetch({
      'POST /api/segments/count': () => ({ json: { count: 20 } }),
      'PUT /api/segments/1': (req) => ({ json: { ...segment(), ...(req.body as object) } }),
    });
    let saved: Segment | null | undefined;
    renderScreen(<SegmentEditor segment={segment()} onClose={() => {}} onSaved={(s) => (saved = s)} />, { fetch: fake.fetch });
    await waitFor(() => hasText('20 contacts match'), 'the count', 10_000);
    expect(getByLabelText<HTMLSelectElement>('Rule 1 field').disabled).toBe(true);
    expect(getByLabelText<HTMLInputElement>('Name').disabled).toBe(true);
    expect(hasText('Add a rule')).toBe(false);
    expect(hasText('Delete segment')).toBe(false);
    changeValue(getByLabelText('Rule 1 value'), '100');
    click(getButton('Save segment'));
    await waitFor(() => saved !== undefined, 'the save', 10_000);
    expect(fake.requests.find((r) => r.method === 'PUT')?.body).toEqual({ name: 'Big Spenders', description: 'The top spenders', match: 'all', rules: [{ field: 'totalSpend', op: 'top', value: 100 }] });
  });

  it('deletes a saved segment', async () => {
    const fake = createFakeFetch({
      'POST /api/segments/count': () => ({ json: { count: 1 } }),
      'DELETE /api/segments/4': () => ({ json: { deleted: 1 } }),
    });
    let saved: Segment | null | undefined;
    renderScreen(<SegmentEditor segment={segment({ id: 4, name: 'Pune brides', builtIn: false, rules: [{ field: 'city', op: 'eq', value: 'Pune' }] })} onClose={() => {}} onSaved={(s) => (saved = s)} />, { fetch: fake.fetch });
    click(getButton('Delete segment'));
    await waitFor(() => saved === null, 'the delete', 10_000);
    expect(fake.requests.some((r) => r.method === 'DELETE' && r.url === '/api/segments/4')).toBe(true);
  });
});
