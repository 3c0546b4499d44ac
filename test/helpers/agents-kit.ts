import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { onTestFinished } from 'vitest';
import type { AgentSkill, LiveMessage } from '../../server/src/contracts/index.js';
import { migrate, openDatabase } from '../../server/src/db/index.js';
import { Bus } from '../../server/src/ops/index.js';
import { DomainError } from '../../server/src/shared/errors.js';
import { createAgents, type AgentSkillCatalog, type AvatarGenerator } from '../../server/src/agents/index.js';

/**
 * For the agents tests only: a two-skill registry that behaves as `SkillRegistry.normalize` is
 * specified (every skill in order, defaults filled, configs checked, unknown ids dropped).
 */
export const fakeSkills: AgentSkillCatalog = {
  info: () => [],
  normalize(list: AgentSkill[]): AgentSkill[] {
    const defaults: Record<string, AgentSkill> = {
      catalog_search: { id: 'catalog_search', enabled: true, config: { maxResults: 10 } },
      send_products: { id: 'send_products', enabled: false, config: {} },
    };
    return Object.values(defaults).map((d) => {
      const given = list.find((s) => s.id === d.id);
      const config = { ...d.config, ...(given?.config ?? {}) };
      if (typeof config.maxResults !== 'undefined' && (typeof config.maxResults !== 'number' || config.maxResults > 30)) {
        throw new DomainError('validation', 'Catalog search: maxResults is at most 30', { 'catalog_search.maxResults': 'At most 30' });
      }
      return { id: d.id, enabled: given?.enabled ?? d.enabled, config };
    });
  },
};

/** A fresh data dir and database with the agents domain on it, and every bus message it published. Call inside a test: removed when it ends. */
export function agentsKit(opts: { avatarGenerator?: AvatarGenerator } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'revive-agents-'));
  const { db } = openDatabase(join(dataDir, 'revive.sqlite'));
  migrate(db);
  onTestFinished(() => {
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const bus = new Bus();
  const events: Extract<LiveMessage, { type: 'agents.changed' }>[] = [];
  bus.subscribe((m) => {
    if (m.type === 'agents.changed') events.push(m);
  });
  const open = () => createAgents({ db, bus, log: pino({ level: 'silent' }), dataDir, skills: fakeSkills, avatarGenerator: opts.avatarGenerator ?? null });
  const { service, module } = open();
  return { dataDir, db, bus, events, open, agents: service, module };
}
