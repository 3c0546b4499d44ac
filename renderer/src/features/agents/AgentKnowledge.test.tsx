// @vitest-environment jsdom
import '../../test/setup-dom';
import { notifications } from '@mantine/notifications';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, click, getButton, getByLabelText, hasText, waitFor } from '../../test/dom';
import { createFakeFetch, type RecordedRequest } from '../../test/fakeFetch';
import { renderScreen } from '../../test/renderApp';
import type { Agent } from '../../api/contracts';
import { mixedSources } from '../knowledge/knowledgeFixtures';
import { agent, skillInfos } from './agentFixtures';
import { AgentStudioPage } from './AgentStudioPage';

afterEach(() => {
  cleanup();
  notifications.clean();
});

function openKnowledgeTab(start: Agent) {
  const fake = createFakeFetch({
    'GET /api/agents': () => ({ json: { agents: [start] } }),
    'GET /api/skills': () => ({ json: { skills: skillInfos() } }),
    'GET /api/simulator/thread?agentId=1': () => ({ json: { thread: null } }),
    'GET /api/knowledge/sources': () => ({ json: { sources: mixedSources() } }),
    'POST /api/agents/preview': () => ({ json: { instructions: '', replies: ['Namaste!'] } }),
    'PATCH /api/agents/1': (req) => ({ json: agent({ ...start, ...(req.body as Partial<Agent>), updatedAt: '2026-12-01T12:00:00.000Z' }) }),
  });
  renderScreen(
    <Routes>
      <Route path="/agents/knowledge" element={<p>The Knowledge screen</p>} />
      <Route path="/agents/:id" element={<AgentStudioPage />} />
    </Routes>,
    { fetch: fake.fetch, path: '/agents/1' },
  );
  return fake;
}

const patches = (fake: { requests: RecordedRequest[] }) => fake.requests.filter((r) => r.method === 'PATCH');
const box = (label: string) => getByLabelText(label);

async function showTab() {
  await waitFor(() => hasText('All changes saved'), 'the editor');
  click([...document.querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => t.textContent === 'Knowledge')!);
  await waitFor(() => hasText('care-guide.docx'), 'the documents');
}

describe("An agent's knowledge sources", () => {
  it('starts on all of the store documents and saves the ticked ones with the agent', async () => {
    const fake = openKnowledgeTab(agent());
    await showTab();
    expect(box("All of the store's documents").checked).toBe(true);
    expect(box('Answer from brochure.pdf').checked).toBe(true);
    const links = [...document.querySelectorAll('a[href="/agents/knowledge"]')].map((a) => a.textContent);
    // The Studio's own "Knowledge" entry at the top, and the tab's link to add documents.
    expect(links).toEqual(['Knowledge', 'Add or manage documents on the Knowledge screen']);

    // Unticking one from "all" keeps the others, explicitly.
    click(box('Answer from brochure.pdf'));
    expect(box("All of the store's documents").checked).toBe(false);
    click(box('Answer from care-guide.docx'));
    click(box('Answer from https://shop.example.in'));
    expect(box('Answer from returns-and-exchange.md').checked).toBe(true);
    // The last one cannot be unticked: an empty list would mean "all".
    expect(box('Answer from returns-and-exchange.md').disabled).toBe(true);

    click(getButton('Save'));
    await waitFor(() => hasText('Agent saved'), 'the save');
    expect(patches(fake)).toHaveLength(1);
    expect((patches(fake)[0]!.body as Agent).knowledgeSources).toEqual([1]);
    await waitFor(() => hasText('All changes saved'), 'clean after the save');
    expect(box('Answer from returns-and-exchange.md').checked).toBe(true);
    expect(box('Answer from brochure.pdf').checked).toBe(false);
  });

  it('goes back to all documents (an empty list) with the "All" box', async () => {
    const fake = openKnowledgeTab(agent({ knowledgeSources: [1, 3] }));
    await showTab();
    expect(box("All of the store's documents").checked).toBe(false);
    expect(box('Answer from https://shop.example.in').checked).toBe(true);
    expect(box('Answer from brochure.pdf').checked).toBe(false);
    click(box("All of the store's documents"));
    expect(box('Answer from brochure.pdf').checked).toBe(true);
    click(getButton('Save'));
    await waitFor(() => hasText('Agent saved'), 'the save');
    expect((patches(fake)[0]!.body as Agent).knowledgeSources).toEqual([]);
  });

  it("reaches the Knowledge screen from the Studio's nav, asking first when the choice is not saved", async () => {
    const fake = openKnowledgeTab(agent());
    await showTab();
    click(box('Answer from brochure.pdf'));
    const studioLink = () => document.querySelector<HTMLAnchorElement>('nav[aria-label="Agent Studio"] a[href="/agents/knowledge"]')!;
    click(studioLink());
    await waitFor(() => hasText('Discard unsaved changes?'), 'the guard');
    click(getButton('Keep editing'));
    await waitFor(() => !hasText('Discard unsaved changes?'), 'the guard closed');
    expect(box('Answer from brochure.pdf').checked).toBe(false);
    // The tab's own link asks too.
    click([...document.querySelectorAll<HTMLAnchorElement>('a[href="/agents/knowledge"]')].find((a) => a.textContent?.includes('Knowledge screen'))!);
    await waitFor(() => hasText('Discard unsaved changes?'), 'the guard again');
    click(getButton('Discard changes'));
    await waitFor(() => hasText('The Knowledge screen'), 'the Knowledge screen');
    expect(patches(fake)).toEqual([]);
  });
});
