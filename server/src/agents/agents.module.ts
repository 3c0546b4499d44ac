import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Db } from '../db/index.js';
import type { DomainModule } from '../domains.js';
import type { Bus } from '../ops/index.js';
import { agentsRepo } from './agents.repo.js';
import { agentsRoutes } from './agents.routes.js';
import { createAgentsService, type AgentSkillCatalog } from './agents.service.js';
import { avatarStore, type AvatarGenerator } from './avatar.js';

export interface AgentsDeps {
  db: Db;
  bus: Bus;
  log: Logger;
  dataDir: string;
  /** The Skill Store's registry (`createSkillRegistry`), or anything that completes a skill list the same way. */
  skills: AgentSkillCatalog;
  /** An image-generation provider for "generate avatar"; none ships (illustrated avatars instead). */
  avatarGenerator?: AvatarGenerator | null;
}

/** `<data>/avatars`: agents' pictures. */
export function avatarsDir(dataDir: string): string {
  return join(dataDir, 'avatars');
}

/**
 * The agents domain: the service (for the conversation engine, the CLI and the demo loader) and its
 * routes. Opening a data dir with no agent creates the first one, so a store always has an agent.
 */
export function createAgents(deps: AgentsDeps): { service: ReturnType<typeof createAgentsService>; module: DomainModule } {
  const service = createAgentsService({
    repo: agentsRepo(deps.db),
    avatars: avatarStore(avatarsDir(deps.dataDir)),
    bus: deps.bus,
    log: deps.log.child({ domain: 'agents' }),
    skills: deps.skills,
    avatarGenerator: deps.avatarGenerator ?? null,
  });
  service.ensureOne();
  return { service, module: { name: 'agents', adminRouters: [agentsRoutes(service)] } };
}
