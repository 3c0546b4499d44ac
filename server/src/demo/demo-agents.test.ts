import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/temp-server.js';
import { createDemoDataDir, openApp } from '../main.js';
import { seedDemoAgents } from './index.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const fresh = () => {
  const d = tempDir('revive-demo-agents-');
  dirs.push(d);
  return d;
};

describe('demo agents', () => {
  it('the demo store has Aarav (sales, default) and Riya (after-sales), each with an illustrated face, and seeding again changes nothing', async () => {
    const dataDir = fresh();
    const summary = await createDemoDataDir({ dataDir, logLevel: 'silent', backupsEnabled: false });
    expect(summary.agents).toBe(2);
    const app = openApp({ dataDir, logLevel: 'silent', backupsEnabled: false });
    try {
      const agents = app.services.agents;
      const list = agents.list().agents;
      expect(list.map((a) => [a.name, a.role, a.status, a.isDefault])).toEqual([
        ['Aarav', 'Sales', 'active', true],
        ['Riya', 'After-sales', 'active', false],
      ]);
      const [aarav, riya] = list;
      expect(aarav?.persona).toMatchObject({ tenacity: 60, languages: ['english', 'hinglish'] });
      expect(aarav?.persona.tone).toBeGreaterThan(66);
      expect(riya?.persona.tenacity).toBe(20);
      expect(riya?.persona.tone).toBeLessThan(aarav?.persona.tone ?? 0);
      for (const a of list) {
        expect(a.avatar?.kind).toBe('illustrated');
        expect((await agents.avatarImage(a.id)).type).toBe('image/svg+xml');
      }
      // the real registry completed their skills
      expect(aarav?.skills.map((s) => s.id)).toEqual(app.services.skills.info().map((s) => s.id));

      await seedDemoAgents(agents);
      const again = agents.list().agents;
      expect(again.map((a) => a.id)).toEqual(list.map((a) => a.id));
      expect(again.filter((a) => a.isDefault)).toHaveLength(1);
    } finally {
      app.close();
    }
  });

  it('a store opened without the demo gets one default agent, Aarav', () => {
    const dataDir = fresh();
    const app = openApp({ dataDir, logLevel: 'silent', backupsEnabled: false });
    try {
      expect(app.services.agents.list().agents.map((a) => [a.name, a.isDefault])).toEqual([['Aarav', true]]);
    } finally {
      app.close();
    }
  });
});
