import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/helpers/temp-server.js';
import { createDemoDataDir, openApp, type App } from '../../main.js';
import { ANSWERABLE, UNANSWERABLE } from './questions.js';

/**
 * The knowledge evaluation: the demo store's policies, loaded as `init --demo` loads them, asked
 * through the real service with the offline embedder (no Mistral key).
 */
let dataDir: string;
let app: App;

beforeAll(async () => {
  dataDir = tempDir('revive-knowledge-eval-');
  await createDemoDataDir({ dataDir, logLevel: 'silent', backupsEnabled: false });
  app = openApp({ dataDir, logLevel: 'silent', backupsEnabled: false });
}, 120_000);

afterAll(() => {
  app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('knowledge evaluation over the demo policies (offline embedder)', () => {
  it('has at least 25 answerable and 5 unanswerable questions over every demo document', () => {
    expect(ANSWERABLE.length).toBeGreaterThanOrEqual(25);
    expect(UNANSWERABLE.length).toBeGreaterThanOrEqual(5);
    expect(new Set(ANSWERABLE.map((q) => q.source))).toEqual(new Set(app.services.knowledge.list().map((s) => s.name)));
  });

  it('finds the answering passage in the top 3 for at least 90% of the questions, and calls them answerable', async () => {
    const misses: string[] = [];
    let answerable = 0;
    for (const q of ANSWERABLE) {
      const a = await app.services.knowledge.ask(q.question, { limit: 3 });
      if (a.answerable) answerable += 1;
      const found = a.passages.some((p) => p.source === q.source && [q.phrase].flat().some((phrase) => p.text.includes(phrase)));
      if (!found) misses.push(`${q.question} → ${a.passages.map((p) => `${p.source} (${p.location})`).join('; ')}`);
    }
    const recall = (ANSWERABLE.length - misses.length) / ANSWERABLE.length;
    expect(recall, `recall@3 ${recall.toFixed(2)}; missed:\n${misses.join('\n')}`).toBeGreaterThanOrEqual(0.9);
    expect(answerable / ANSWERABLE.length).toBeGreaterThanOrEqual(0.9);
  });

  it('recognises every question the documents cannot answer', async () => {
    for (const q of UNANSWERABLE) {
      const a = await app.services.knowledge.ask(q);
      expect(a.answerable, `${q}: best ${a.passages[0]?.score}`).toBe(false);
    }
  });
});
