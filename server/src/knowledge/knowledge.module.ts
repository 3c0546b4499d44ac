import type { Logger } from 'pino';
import { createEmbedder, type Embedder } from '../brain/index.js';
import type { DomainModule } from '../domains.js';
import type { Db } from '../db/index.js';
import type { Bus } from '../ops/index.js';
import type { SettingsService } from '../settings/index.js';
import { knowledgeRoutes } from './knowledge.routes.js';
import { createKnowledgeService, type KnowledgeService } from './knowledge.service.js';

export interface KnowledgeDomainDeps {
  db: Db;
  log: Logger;
  /** `knowledge.source` live messages (a website's progress). */
  bus: Pick<Bus, 'publish'>;
  settings: Pick<SettingsService, 'readSecret'>;
  /** A Mistral-compatible origin instead of api.mistral.ai (tests). */
  mistralServerUrl?: string | undefined;
}

/**
 * The knowledge domain: the store's documents, chunked and indexed for the agent's
 * `search_knowledge` tool and `revive ask`. Its embedder is the shared one and follows the
 * `mistral.apiKey` secret like search's; a change of embedder re-embeds the chunks on next use.
 */
export function createKnowledge(deps: KnowledgeDomainDeps): { service: KnowledgeService; module: DomainModule } {
  const log = deps.log.child({ domain: 'knowledge' });
  let built: { key: string; embedder: Embedder } | undefined;
  const embedder = (): Embedder => {
    const key = deps.settings.readSecret('mistral.apiKey')?.trim() ?? '';
    if (built?.key !== key) built = { key, embedder: createEmbedder({ mistralApiKey: key, mistralServerUrl: deps.mistralServerUrl }) };
    return built.embedder;
  };
  const service = createKnowledgeService({ db: deps.db, embedder, log, publish: (m) => deps.bus.publish(m) });
  return {
    service,
    module: {
      name: 'knowledge',
      adminRouters: [knowledgeRoutes(service)],
      // Only the server recovers: a source a stopped process left spinning becomes failed, with how to retry.
      start: () => {
        const n = service.recoverInterrupted();
        if (n) log.warn({ sources: n }, 'knowledge sources interrupted by the last stop marked failed');
      },
      stop: () => service.close(),
    },
  };
}
