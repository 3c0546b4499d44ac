// @vitest-environment jsdom
import '../../test/setup-dom';
import { notifications } from '@mantine/notifications';
import { act } from 'react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { changeValue, cleanup, click, flush, getButton, getByLabelText, hasText, waitFor } from '../../test/dom';
import { createFakeFetch, type RecordedRequest } from '../../test/fakeFetch';
import { renderScreen } from '../../test/renderApp';
import { FakeSocket } from '../../test/fakeSocket';
import { LiveClient } from '../../api/live';
import type { Agent, Persona } from '../../api/contracts';
import { agent, skillInfos } from './agentFixtures';
import { AgentStudioPage } from './AgentStudioPage';

afterEach(() => {
  cleanup();
  notifications.clean();
});

type Routes_ = Parameters<typeof createFakeFetch>[0];

const previewText = (persona: Persona) => `Namaste! Emoji level ${persona.emoji}, tone ${persona.tone}`;

function openStudio(routes: Routes_ = {}, agents: Agent[] = [agent(), agent({ id: 2, name: 'Riya', role: 'After-sales', isDefault: false, status: 'paused' })], live?: LiveClient) {
  const fake = createFakeFetch({
    'GET /api/agents': () => ({ json: { agents } }),
    'GET /api/skills': () => ({ json: { skills: skillInfos() } }),
    'GET /api/simulator/thread?agentId=1': () => ({ json: { thread: null } }),
    'GET /api/knowledge/sources': () => ({ json: { sources: [
      { id: 1, name: 'returns-and-exchange.md', kind: 'file', mime: 'text/markdown', bytes: 4200, sha256: 'a'.repeat(64), status: 'ready', error: null, chunks: 9, url: null, progress: null, createdAt: '2026-12-01T10:00:00.000Z', updatedAt: '2026-12-01T10:00:00.000Z' },
      { id: 2, name: 'brochure.pdf', kind: 'file', mime: 'application/pdf', bytes: 90000, sha256: 'b'.repeat(64), status: 'failed', error: 'PDF files are not supported yet', chunks: 0, url: null, progress: null, createdAt: '2026-12-01T10:00:00.000Z', updatedAt: '2026-12-01T10:00:00.000Z' },
    ] } }),
    'POST /api/agents/preview': (req) => {
      const persona = (req.body as { persona: Persona }).persona;
      return { json: { instructions: 'You are Aarav…', replies: [previewText(persona)] } };
    },
    ...routes,
  });
  renderScreen(
    <Routes>
      <Route path="/agents/:id" element={<AgentStudioPage />} />
    </Routes>,
    { fetch: fake.fetch, path: '/agents/1', ...(live ? { live } : {}) },
  );
  return fake;
}

const previews = (fake: { requests: RecordedRequest[] }) => fake.requests.filter((r) => r.url === '/api/agents/preview').map((r) => r.body as { persona: Persona; name: string; message: string });
const writes = (fake: { requests: RecordedRequest[] }) => fake.requests.filter((r) => r.method !== 'GET' && r.url !== '/api/agents/preview');
const previewRegion = () => document.querySelector('[aria-label="Preview reply"]')?.textContent ?? '';

function pressOnSlider(label: string, key: string) {
  const thumb = document.querySelector<HTMLElement>(`[role="slider"][aria-label="${label}"]`);
  if (!thumb) throw new Error(`No slider ${label}`);
  act(() => {
    thumb.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });
}

describe('Agent Studio editor', () => {
  it('lists the agents with role, status and the default star, and opens the one in the address', async () => {
    openStudio();
    await waitFor(() => hasText('Riya'), 'the agent list');
    const list = document.querySelector('nav[aria-label="Agents"]')?.textContent ?? '';
    expect(list).toContain('AaravSales');
    expect(list).toContain('RiyaAfter-sales');
    expect(list).toContain('Paused');
    expect(document.querySelectorAll('nav[aria-label="Agents"] [aria-label="Default agent"]')).toHaveLength(1);
    expect(getByLabelText('Name').value).toBe('Aarav');
    expect(hasText('Follow-ups: one')).toBe(true);

    click([...document.querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => t.textContent === 'Knowledge')!);
    await waitFor(() => hasText('returns-and-exchange.md'), 'the knowledge documents');
    const docs = document.querySelector('table[aria-label="Knowledge documents"]')?.textContent ?? '';
    expect(docs).toContain('returns-and-exchange.md · 9 passagesReady');
    expect(docs).toContain('brochure.pdfFailedPDF files are not supported yet');
  });

  it('asks for a new preview with the unsaved slider value and shows its reply', async () => {
    const fake = openStudio();
    await waitFor(() => previewRegion().includes('Emoji level 30'), 'the first preview');
    expect(previews(fake)).toHaveLength(1);
    expect(previews(fake)[0]).toMatchObject({ name: 'Aarav', message: 'Hi, do you have gold bangles under 50k?', persona: { emoji: 30, tone: 50 } });

    pressOnSlider('Emoji', 'ArrowRight');
    pressOnSlider('Emoji', 'ArrowRight');
    await waitFor(() => previewRegion().includes('Emoji level 40'), 'the preview for the moved slider');
    // The two key presses rest as one request with the latest value.
    expect(previews(fake).map((p) => p.persona.emoji)).toEqual([30, 40]);
    expect(writes(fake)).toEqual([]);
    expect(hasText('Unsaved changes')).toBe(true);
  });

  it('never lets a late answer to an older persona overwrite the newer one', async () => {
    let releaseOld: () => void = () => {};
    const fake = openStudio({
      'POST /api/agents/preview': (req) => {
        const persona = (req.body as { persona: Persona }).persona;
        const reply = { json: { instructions: '', replies: [previewText(persona)] } };
        if (persona.tone !== 55) return reply;
        return new Promise((resolve) => (releaseOld = () => resolve(reply)));
      },
    });
    await waitFor(() => previewRegion().includes('tone 50'), 'the first preview');
    pressOnSlider('Tone', 'ArrowRight');
    await waitFor(() => previews(fake).some((p) => p.persona.tone === 55), 'the tone 55 request');
    pressOnSlider('Tone', 'ArrowRight');
    await waitFor(() => previewRegion().includes('tone 60'), 'the tone 60 preview');
    releaseOld();
    await flush();
    await flush();
    expect(previewRegion()).toContain('tone 60');
    expect(previewRegion()).not.toContain('tone 55');
  });

  it('saves name, persona and skills with one PATCH', async () => {
    const fake = openStudio({
      'PATCH /api/agents/1': (req) => ({ json: agent({ ...(req.body as Partial<Agent>), updatedAt: '2026-03-05T04:00:00.000Z' }) }),
    });
    await waitFor(() => hasText('All changes saved'), 'the editor');
    changeValue(getByLabelText('Name'), 'Aarav Sharma');
    pressOnSlider('Response length', 'ArrowLeft');
    click(getButton('Save'));
    await waitFor(() => hasText('Agent saved'), 'the saved notice');
    expect(writes(fake)).toHaveLength(1);
    const patch = writes(fake)[0]!;
    expect(patch).toMatchObject({ method: 'PATCH', url: '/api/agents/1' });
    expect(patch.body).toMatchObject({
      name: 'Aarav Sharma',
      role: 'Sales',
      persona: { tone: 50, tenacity: 50, emoji: 30, length: 35, languages: ['english', 'hinglish'] },
      whenPaused: 'away_message',
    });
    expect((patch.body as Agent).skills.map((s) => s.id)).toEqual(['store_info', 'catalog_search', 'send_products', 'book_visit']);
    await waitFor(() => hasText('All changes saved'), 'clean again after the save');
    expect(document.querySelector('nav[aria-label="Agents"]')?.textContent).toContain('Aarav Sharma');
  });

  it('shows field errors: a too-short name is never sent, and the server’s field errors appear at the field', async () => {
    const fake = openStudio({
      'PATCH /api/agents/1': () => ({
        status: 400,
        json: { error: { code: 'validation', message: 'The agent was not saved', fields: { awayMessage: 'Write the away message in at most 1,024 characters' } } },
      }),
    });
    await waitFor(() => hasText('All changes saved'), 'the editor');
    changeValue(getByLabelText('Name'), 'A');
    await waitFor(() => hasText('Give the agent a name of at least 2 letters'), 'the name error');
    click(getButton('Save'));
    await waitFor(() => hasText('Some settings need fixing'), 'the invalid notice');
    expect(writes(fake)).toEqual([]);

    changeValue(getByLabelText('Name'), 'Aarav S');
    click(getButton('Save'));
    await waitFor(() => hasText('Write the away message in at most 1,024 characters'), 'the server field error');
    expect(writes(fake)).toHaveLength(1);
    expect(hasText('Unsaved changes')).toBe(true);
  });

  it('refuses to leave unsaved changes without asking', async () => {
    const fake = openStudio({ 'GET /api/simulator/thread?agentId=2': () => ({ json: { thread: null } }) });
    await waitFor(() => hasText('All changes saved'), 'the editor');
    changeValue(getByLabelText('Name'), 'Aarav 2');
    const riya = [...document.querySelectorAll<HTMLButtonElement>('nav[aria-label="Agents"] button')].find((b) => b.textContent?.includes('Riya'));
    click(riya!);
    await waitFor(() => hasText('Discard unsaved changes?'), 'the guard');
    click(getButton('Keep editing'));
    await waitFor(() => !hasText('Discard unsaved changes?'), 'the guard closed');
    expect(getByLabelText('Name').value).toBe('Aarav 2');
    click(riya!);
    await waitFor(() => hasText('Discard unsaved changes?'), 'the guard again');
    click(getButton('Discard changes'));
    await waitFor(() => getByLabelText('Name').value === 'Riya', 'Riya opened');
    expect(writes(fake)).toEqual([]);
  });

  it('shows another window’s change live, but never over unsaved edits', async () => {
    const agents = [agent(), agent({ id: 2, name: 'Riya', isDefault: false })];
    const live = new LiveClient({ url: 'ws://127.0.0.1/api/live', createSocket: (url) => new FakeSocket(url) });
    openStudio({}, agents, live);
    await waitFor(() => hasText('All changes saved'), 'the editor');
    act(() => FakeSocket.latest().open());
    const changed = agent({ role: 'Bridal sales', updatedAt: '2026-03-05T09:00:00.000Z' });
    agents[0] = changed;
    act(() => FakeSocket.latest().send({ type: 'agents.changed', time: changed.updatedAt, agentId: 1, agent: changed }));
    await waitFor(() => getByLabelText('Role').value === 'Bridal sales', 'the new role in the editor');
    expect(hasText('All changes saved')).toBe(true);

    changeValue(getByLabelText('Name'), 'Aarav J');
    const again = agent({ role: 'Wedding sales', updatedAt: '2026-03-05T10:00:00.000Z' });
    agents[0] = again;
    act(() => FakeSocket.latest().send({ type: 'agents.changed', time: again.updatedAt, agentId: 1, agent: again }));
    await waitFor(() => document.querySelector('nav[aria-label="Agents"]')?.textContent?.includes('Wedding sales') ?? false, 'the list updated');
    expect(getByLabelText('Name').value).toBe('Aarav J');
    expect(getByLabelText('Role').value).toBe('Bridal sales');
  });
});
