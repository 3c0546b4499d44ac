// @vitest-environment jsdom
import '../../test/setup-dom';
import { notifications } from '@mantine/notifications';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { changeValue, cleanup, click, flush, getButton, getByLabelText, hasText, waitFor } from '../../test/dom';
import { createFakeFetch, type RecordedRequest } from '../../test/fakeFetch';
import { FakeSocket } from '../../test/fakeSocket';
import { renderScreen } from '../../test/renderApp';
import { LiveClient } from '../../api/live';
import type { KnowledgeSource } from '../../api/contracts';
import { storeProfile } from '../../test/fixtures';
import { formatDateTime } from '../../ui/format';
import { mixedSources, returnsAnswer, source } from './knowledgeFixtures';
import { KnowledgePage } from './KnowledgePage';

afterEach(() => {
  cleanup();
  notifications.clean();
  FakeSocket.instances = [];
});

type Routes = Parameters<typeof createFakeFetch>[0];

function openKnowledge(sources: KnowledgeSource[], routes: Routes = {}, live?: LiveClient) {
  const fake = createFakeFetch({
    'GET /api/knowledge/sources': () => ({ json: { sources } }),
    'GET /api/settings/store': () => ({ json: storeProfile({ timeZone: 'America/New_York' }) }),
    ...routes,
  });
  renderScreen(<KnowledgePage />, { fetch: fake.fetch, path: '/agents/knowledge', ...(live ? { live } : {}) });
  return fake;
}

const row = (name: string) => document.querySelector<HTMLElement>(`table[aria-label="Knowledge sources"] tr[aria-label="${name}"]`);
const rowText = (name: string) => row(name)?.textContent ?? '';
const uploadRow = (name: string) => document.querySelector<HTMLElement>(`[aria-label="Uploads"] [role="listitem"][aria-label="${name}"]`);
const writes = (fake: { requests: RecordedRequest[] }) => fake.requests.filter((r) => r.method !== 'GET');
const tab = (name: string) => click([...document.querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => t.textContent === name)!);

function drop(files: File[]) {
  const zone = document.querySelector('[data-testid="knowledge-drop-zone"]')!;
  const event = new Event('drop', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: { files } });
  act(() => {
    zone.dispatchEvent(event);
  });
}

function submit(formLabel: string) {
  const form = document.querySelector<HTMLFormElement>(`form[aria-label="${formLabel}"]`)!;
  act(() => {
    form.requestSubmit();
  });
}

describe('Knowledge screen', () => {
  it('lists each source with its kind, status in words, size and time in the store time zone', async () => {
    openKnowledge(mixedSources());
    await waitFor(() => row('returns-and-exchange.md') !== null, 'the sources');
    await waitFor(() => rowText('returns-and-exchange.md').includes(formatDateTime('2026-12-01T10:00:00.000Z', 'America/New_York')), 'store time zone');

    expect(rowText('returns-and-exchange.md')).toContain('Ready9 passages');
    expect(rowText('returns-and-exchange.md')).toContain('4.1 KB');
    expect(row('returns-and-exchange.md')!.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe('Markdown');

    expect(rowText('brochure.pdf')).toContain('Failed');
    expect(rowText('brochure.pdf')).toContain('This PDF has no text in it (it is a scanned image)');
    expect(row('brochure.pdf')!.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe('PDF');

    const site = row('https://shop.example.in')!;
    expect(site.textContent).toContain('Reading');
    expect(site.textContent).toContain('Reading page 3 of 12: Shipping');
    expect(site.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')).toBe('25');
    expect(site.querySelector<HTMLAnchorElement>('a[href="https://shop.example.in"]')?.textContent).toContain('Open the site');
    expect(site.querySelector('[aria-label="Read the site again: https://shop.example.in"]')).not.toBeNull();

    expect(rowText('care-guide.docx')).toContain('Waiting');
    expect(rowText('care-guide.docx')).toContain('Waiting to start…');
    // Newest first.
    const names = [...document.querySelectorAll('table[aria-label="Knowledge sources"] tbody tr')].map((r) => r.getAttribute('aria-label'));
    expect(names).toEqual(['care-guide.docx', 'https://shop.example.in', 'brochure.pdf', 'returns-and-exchange.md']);
  });

  it('explains what to add first when there is nothing yet', async () => {
    openKnowledge([]);
    await waitFor(() => hasText("Your agents know nothing about the store's policies yet"), 'the empty state');
    expect(hasText('Returns and exchange policy')).toBe(true);
    expect(hasText('Shipping and delivery')).toBe(true);
    expect(hasText('Jewellery care guide')).toBe(true);
    expect(document.querySelector('table[aria-label="Knowledge sources"]')).toBeNull();
  });

  it('follows a website being read through knowledge.source live messages', async () => {
    const live = new LiveClient({ url: 'ws://127.0.0.1/api/live', createSocket: (url) => new FakeSocket(url) });
    const reading = mixedSources()[2]!;
    openKnowledge([reading], {}, live);
    await waitFor(() => rowText('https://shop.example.in').includes('Reading page 3 of 12'), 'the site row');
    act(() => FakeSocket.latest().open());

    const step = { ...reading, progress: { done: 9, total: 12, message: 'Reading page 9 of 12: Returns' } };
    act(() => FakeSocket.latest().send({ type: 'knowledge.source', time: '2026-12-01T10:05:00.000Z', sourceId: 3, source: step }));
    expect(rowText('https://shop.example.in')).toContain('Reading page 9 of 12: Returns');

    const done = { ...reading, status: 'ready', chunks: 31, progress: null, updatedAt: '2026-12-01T10:06:00.000Z' };
    act(() => FakeSocket.latest().send({ type: 'knowledge.source', time: '2026-12-01T10:06:00.000Z', sourceId: 3, source: done }));
    expect(rowText('https://shop.example.in')).toContain('Ready31 passages');
    expect(row('https://shop.example.in')!.querySelector('[role="progressbar"]')).toBeNull();

    act(() => FakeSocket.latest().send({ type: 'knowledge.source', time: '2026-12-01T10:07:00.000Z', sourceId: 3, source: null }));
    await waitFor(() => hasText("Your agents know nothing about the store's policies yet"), 'the row gone');
  });

  it('uploads two dropped files one after the other, each with its own row', async () => {
    let release: () => void = () => {};
    let nextId = 10;
    const fake = openKnowledge([], {
      'POST /api/knowledge/sources/file?name=returns.md': () =>
        new Promise((resolve) => (release = () => resolve({ json: source({ id: nextId++, name: 'returns.md', chunks: 4 }) }))),
      'POST /api/knowledge/sources/file?name=faq.txt': () => ({ json: source({ id: nextId++, name: 'faq.txt', mime: 'text/plain', chunks: 6, createdAt: '2026-12-01T11:00:00.000Z' }) }),
    });
    await waitFor(() => hasText('Drop your documents here'), 'the drop zone');
    drop([new File(['# Returns\n\n7 days.'], 'returns.md', { type: 'text/markdown' }), new File(['Q: Hallmarked? A: Yes.'], 'faq.txt', { type: 'text/plain' })]);

    await waitFor(() => uploadRow('returns.md')?.dataset.state === 'uploading', 'the first upload');
    expect(uploadRow('faq.txt')?.dataset.state).toBe('waiting');
    expect(writes(fake).map((r) => r.url)).toEqual(['/api/knowledge/sources/file?name=returns.md']);

    release();
    await waitFor(() => uploadRow('faq.txt')?.dataset.state === 'done', 'the second upload');
    expect(uploadRow('returns.md')?.dataset.state).toBe('done');
    expect(uploadRow('returns.md')?.textContent).toContain('Ready: 4 passages');
    const sent = writes(fake);
    expect(sent.map((r) => r.url)).toEqual(['/api/knowledge/sources/file?name=returns.md', '/api/knowledge/sources/file?name=faq.txt']);
    expect(sent[0]!.headers['Content-Type']).toBe('application/octet-stream');
    expect(await (sent[1]!.body as Blob).text()).toBe('Q: Hallmarked? A: Yes.');
    // Both are in the list at once, without a reload.
    expect(row('returns.md')).not.toBeNull();
    expect(row('faq.txt')).not.toBeNull();
  });

  it('refuses a 30 MB file and a zip in the browser, before anything is sent', async () => {
    const fake = openKnowledge([source()]);
    await waitFor(() => row('returns-and-exchange.md') !== null, 'the list');
    drop([new File([new Uint8Array(30 * 1024 * 1024)], 'catalogue.pdf', { type: 'application/pdf' }), new File(['PK'], 'photos.zip')]);
    await flush();
    expect(uploadRow('catalogue.pdf')?.dataset.state).toBe('refused');
    expect(uploadRow('catalogue.pdf')?.textContent).toContain('This file is 30 MB; the most Revive takes is 25 MB.');
    expect(uploadRow('photos.zip')?.textContent).toContain('Revive reads PDF, Word (.docx), text (.txt) and Markdown (.md) files');
    expect(writes(fake)).toHaveLength(0);
  });

  it('shows a file the server could not read, and a server error, on that file’s row only', async () => {
    openKnowledge([], {
      'POST /api/knowledge/sources/file?name=locked.pdf': () => ({ json: source({ id: 7, name: 'locked.pdf', status: 'failed', chunks: 0, error: 'This PDF is password-protected; save a copy without the password' }) }),
      'POST /api/knowledge/sources/file?name=fake.docx': () => ({ status: 415, json: { error: { code: 'unsupported_media_type', message: 'fake.docx is not a Word document (it is a zip of photos)' } } }),
      'POST /api/knowledge/sources/file?name=ok.md': () => ({ json: source({ id: 8, name: 'ok.md' }) }),
    });
    await waitFor(() => hasText('Drop your documents here'), 'the drop zone');
    drop([new File(['%PDF'], 'locked.pdf'), new File(['PK'], 'fake.docx'), new File(['# ok'], 'ok.md')]);
    await waitFor(() => uploadRow('ok.md')?.dataset.state === 'done', 'all three');
    expect(uploadRow('locked.pdf')?.dataset.state).toBe('failed');
    expect(uploadRow('locked.pdf')?.textContent).toContain('This PDF is password-protected');
    expect(uploadRow('fake.docx')?.dataset.state).toBe('failed');
    expect(uploadRow('fake.docx')?.textContent).toContain('fake.docx is not a Word document (it is a zip of photos)');
    expect(rowText('locked.pdf')).toContain('Failed');
  });

  it('reads a website: sends the address and page limit, and the queued source appears', async () => {
    const fake = openKnowledge([], {
      'POST /api/knowledge/sources/url': (req) => {
        const { url } = req.body as { url: string };
        return { json: source({ id: 5, name: url, kind: 'url', mime: 'text/html', bytes: 0, url, status: 'queued', chunks: 0, progress: { done: 0, total: null, message: 'Reading robots.txt' } }) };
      },
    });
    await waitFor(() => hasText('Drop your documents here'), 'the screen');
    tab('Website');
    changeValue(getByLabelText('Website address'), 'not a site');
    submit('Read a website');
    await waitFor(() => hasText('Give the full address, like https://yourstore.in'), 'the address error');
    expect(writes(fake)).toHaveLength(0);

    changeValue(getByLabelText('Website address'), 'https://shree.example.in');
    changeValue(getByLabelText('Most pages'), '10');
    submit('Read a website');
    await waitFor(() => row('https://shree.example.in') !== null, 'the new source');
    expect(writes(fake)[0]).toMatchObject({ method: 'POST', url: '/api/knowledge/sources/url', body: { url: 'https://shree.example.in', maxPages: 10 } });
    expect(rowText('https://shree.example.in')).toContain('Reading robots.txt');
    expect(hasText('Reading https://shree.example.in: its progress shows in the list below.')).toBe(true);
    expect(getByLabelText('Website address').value).toBe('');
  });

  it('adds pasted text under its name', async () => {
    const fake = openKnowledge([], {
      'POST /api/knowledge/sources/text': (req) => ({ json: source({ id: 6, name: (req.body as { name: string }).name, kind: 'text', mime: 'text/plain', chunks: 2 }) }),
    });
    await waitFor(() => hasText('Drop your documents here'), 'the screen');
    tab('Paste text');
    submit('Paste text');
    await waitFor(() => hasText('Give the text a name'), 'the name error');
    changeValue(getByLabelText('Name'), 'Care guide');
    const text = getByLabelText<HTMLTextAreaElement>('Text');
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(text, 'Keep silver in a zip bag.');
      text.dispatchEvent(new Event('input', { bubbles: true }));
    });
    submit('Paste text');
    await waitFor(() => row('Care guide') !== null, 'the pasted source');
    expect(writes(fake).at(-1)).toMatchObject({ url: '/api/knowledge/sources/text', body: { name: 'Care guide', text: 'Keep silver in a zip bag.' } });
    expect(rowText('Care guide')).toContain('Ready2 passages');
  });

  it('tests a question: passages with source, location and score, or the "will check" message', async () => {
    const fake = openKnowledge([source()], {
      'POST /api/knowledge/ask': (req) =>
        (req.body as { question: string }).question.includes('return')
          ? { json: returnsAnswer }
          : { json: { answerable: false, passages: [{ text: 'Exchanges are welcome within 30 days.', source: 'returns-and-exchange.md', location: 'Exchange', score: 0.08 }] } },
    });
    await waitFor(() => row('returns-and-exchange.md') !== null, 'the list');
    changeValue(getByLabelText('Question'), 'Can I return a ring?');
    click(getButton('Test'));
    await waitFor(() => document.querySelectorAll('[data-testid="passage"]').length === 2, 'the passages');
    const [first, second] = [...document.querySelectorAll<HTMLElement>('[data-testid="passage"]')];
    expect(first!.textContent).toContain('returns-and-exchange.md · Returns and Exchange › 7-day return');
    expect(first!.textContent).toContain('You can return any piece within 7 days for a full refund.');
    expect(first!.textContent).toContain('82%');
    expect(second!.textContent).toContain('41%');
    expect(hasText("The documents don't answer this")).toBe(false);
    expect(writes(fake).at(-1)?.body).toEqual({ question: 'Can I return a ring?', limit: 3 });

    changeValue(getByLabelText('Question'), 'Do you sell watches?');
    click(getButton('Test'));
    await waitFor(() => hasText("The documents don't answer this — the agent will say it will check"), 'the unanswerable message');
    expect(document.querySelectorAll('[data-testid="passage"]')).toHaveLength(1);
  });

  it('deletes a source only after the owner confirms, and re-reads one', async () => {
    const fake = openKnowledge([source(), mixedSources()[1]!], {
      'DELETE /api/knowledge/sources/1': () => ({ json: { deleted: 1 } }),
      'POST /api/knowledge/sources/2/reprocess': () => ({ json: source({ id: 2, name: 'brochure.pdf', mime: 'application/pdf', status: 'processing', chunks: 0, updatedAt: '2026-12-01T11:00:00.000Z' }) }),
    });
    await waitFor(() => row('returns-and-exchange.md') !== null, 'the list');
    click(getByLabelText<HTMLButtonElement>('Read it again: brochure.pdf'));
    await waitFor(() => rowText('brochure.pdf').includes('Reading'), 'the re-read');
    expect(writes(fake)[0]).toMatchObject({ method: 'POST', url: '/api/knowledge/sources/2/reprocess' });

    click(getByLabelText<HTMLButtonElement>('Delete returns-and-exchange.md'));
    await waitFor(() => hasText('Delete returns-and-exchange.md?'), 'the confirm dialog');
    click(getButton('Keep it'));
    await flush();
    expect(writes(fake)).toHaveLength(1);
    click(getByLabelText<HTMLButtonElement>('Delete returns-and-exchange.md'));
    await waitFor(() => hasText('Delete returns-and-exchange.md?'), 'the confirm dialog again');
    click(getButton('Delete'));
    await waitFor(() => row('returns-and-exchange.md') === null, 'the row gone');
    expect(writes(fake)[1]).toMatchObject({ method: 'DELETE', url: '/api/knowledge/sources/1' });
  });

  it('keeps a website that finished reading before the "queued" answer to Read website arrived', async () => {
    const live = new LiveClient({ url: 'ws://127.0.0.1/api/live', createSocket: (url) => new FakeSocket(url) });
    const url = 'https://fast.example.in';
    const queued = source({ id: 9, name: url, kind: 'url', mime: 'text/html', bytes: 0, url, status: 'queued', chunks: 0, progress: { done: 0, total: null, message: 'Starting' }, updatedAt: '2026-12-01T12:00:00.000Z' });
    const ready = { ...queued, status: 'ready' as const, chunks: 3, progress: null, updatedAt: '2026-12-01T12:00:01.000Z' };
    let answer: () => void = () => {};
    openKnowledge([], { 'POST /api/knowledge/sources/url': () => new Promise((resolve) => (answer = () => resolve({ json: queued }))) }, live);
    await waitFor(() => hasText('Drop your documents here'), 'the screen');
    act(() => FakeSocket.latest().open());
    tab('Website');
    changeValue(getByLabelText('Website address'), url);
    submit('Read a website');
    await flush();
    act(() => FakeSocket.latest().send({ type: 'knowledge.source', time: ready.updatedAt, sourceId: 9, source: ready }));
    expect(rowText(url)).toContain('Ready3 passages');
    answer();
    await waitFor(() => getByLabelText('Website address').value === '', 'the form done');
    expect(rowText(url)).toContain('Ready3 passages');
  });
});
