// @vitest-environment jsdom
import '../../test/setup-dom';
import { notifications } from '@mantine/notifications';
import { act } from 'react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, click, getButton, getByLabelText, hasText, waitFor } from '../../test/dom';
import { createFakeFetch } from '../../test/fakeFetch';
import { renderScreen } from '../../test/renderApp';
import type { Agent } from '../../api/contracts';
import { agent, skillInfos } from './agentFixtures';
import { AgentStudioPage } from './AgentStudioPage';

afterEach(() => {
  cleanup();
  notifications.clean();
});

const riya = agent({ id: 2, name: 'Riya', role: 'After-sales', isDefault: false });

function openStudio(routes: Parameters<typeof createFakeFetch>[0] = {}) {
  const fake = createFakeFetch({
    'GET /api/agents': () => ({ json: { agents: [agent(), riya] } }),
    'GET /api/skills': () => ({ json: { skills: skillInfos() } }),
    'GET /api/simulator/thread?agentId=1': () => ({ json: { thread: null } }),
    'POST /api/agents/preview': () => ({ json: { instructions: '', replies: ['Namaste!'] } }),
    ...routes,
  });
  renderScreen(
    <Routes>
      <Route path="/agents/:id" element={<AgentStudioPage />} />
    </Routes>,
    { fetch: fake.fetch, path: '/agents/1' },
  );
  return fake;
}

const writes = (fake: ReturnType<typeof createFakeFetch>) => fake.requests.filter((r) => r.method !== 'GET' && r.url !== '/api/agents/preview');
const listText = () => document.querySelector('nav[aria-label="Agents"]')?.textContent ?? '';

async function menuItem(agentName: string, item: string) {
  await waitFor(() => hasText('All changes saved'), 'the studio');
  const target = getByLabelText(`Actions for ${agentName}`);
  click(target);
  // This agent's own menu (another's may still be closing).
  const items = () => [...(document.getElementById(target.getAttribute('aria-controls') ?? '')?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  await waitFor(() => items().some((el) => el.textContent === item), `the ${item} item`);
  click(items().find((el) => el.textContent === item)!);
}

function dropFile(target: Element, file: File) {
  const event = new Event('drop', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: { files: [file] } });
  act(() => {
    target.dispatchEvent(event);
  });
}

describe('Agent actions', () => {
  it('deletes only after confirming, and shows the server’s refusal in the dialog', async () => {
    const fake = openStudio({
      'DELETE /api/agents/1': () => ({ status: 409, json: { error: { code: 'conflict', message: 'Aarav answers your WhatsApp number; make another agent the default first.' } } }),
      'DELETE /api/agents/2': () => ({ json: { deleted: 2 } }),
    });
    await menuItem('Aarav', 'Delete…');
    await waitFor(() => hasText('Delete Aarav?'), 'the confirmation');
    expect(writes(fake)).toEqual([]);
    click(getButton('Delete'));
    await waitFor(() => hasText('make another agent the default first'), 'the refusal');
    expect(listText()).toContain('Aarav');
    click(getButton('Keep it'));
    await waitFor(() => !hasText('Delete Aarav?'), 'the dialog closed');

    await menuItem('Riya', 'Delete…');
    await waitFor(() => hasText('Delete Riya?'), 'the second confirmation');
    click(getButton('Delete'));
    await waitFor(() => !listText().includes('Riya'), 'Riya gone from the list');
    expect(writes(fake).map((r) => `${r.method} ${r.url}`)).toEqual(['DELETE /api/agents/1', 'DELETE /api/agents/2']);
  });

  it('pauses an agent and moves the default star when another is made default', async () => {
    const fake = openStudio({
      'POST /api/agents/1/pause': () => ({ json: agent({ status: 'paused' }) }),
      'POST /api/agents/2/default': () => ({ json: { ...riya, isDefault: true } }),
    });
    await menuItem('Aarav', 'Pause');
    await waitFor(() => listText().includes('Paused'), 'the paused badge');
    await menuItem('Riya', 'Make default');
    await waitFor(() => hasText('Riya now answers your WhatsApp number'), 'the notice');
    const stars = [...document.querySelectorAll('nav[aria-label="Agents"] [aria-label="Default agent"]')];
    expect(stars).toHaveLength(1);
    expect(stars[0]!.closest('button')?.textContent).toContain('Riya');
    expect(writes(fake).map((r) => [r.method, r.url, r.body])).toEqual([
      ['POST', '/api/agents/1/pause', {}],
      ['POST', '/api/agents/2/default', {}],
    ]);
  });

  it('uploads a dropped picture as raw bytes and shows it with a cache-busting address; refuses other files', async () => {
    const uploaded: Agent = agent({ avatar: { kind: 'upload', url: '/api/agents/1/avatar', description: null }, updatedAt: '2026-03-05T10:00:00.000Z' });
    const fake = openStudio({ 'POST /api/agents/1/avatar': () => ({ json: uploaded }) });
    await waitFor(() => hasText('All changes saved'), 'the studio');
    click([...document.querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => t.textContent === 'Avatar')!);
    await waitFor(() => document.querySelector('[aria-label="Drop a picture here"]') !== null, 'the avatar tab');
    const dropZone = document.querySelector('[aria-label="Drop a picture here"]')!;

    dropFile(dropZone, new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    await waitFor(() => hasText('“notes.txt” is not a PNG, JPEG or WebP picture.'), 'the refusal');
    expect(writes(fake)).toEqual([]);

    const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'logo.png', { type: 'image/png' });
    dropFile(dropZone, png);
    await waitFor(() => hasText('Avatar uploaded'), 'the upload');
    const upload = writes(fake)[0]!;
    expect([upload.method, upload.url, upload.headers['Content-Type']]).toEqual(['POST', '/api/agents/1/avatar', 'application/octet-stream']);
    expect(upload.body).toBe(png);
    const img = document.querySelector<HTMLImageElement>('[aria-label="Drop a picture here"] img');
    expect(img?.getAttribute('src')).toBe('/api/agents/1/avatar?v=2026-03-05T10%3A00%3A00.000Z');
    expect(hasText('Uploaded picture.')).toBe(true);
  });
});
