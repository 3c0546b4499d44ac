import { join } from 'node:path';
import type { Logger } from 'pino';
import type { DomainModule } from '../domains.js';
import type { Db } from '../db/index.js';
import type { Bus } from '../ops/index.js';
import type { Model } from '../brain/index.js';
import { autoTagger } from './auto-tags.js';
import { createModelTagger } from './model-tags.js';
import { createBroadcasts, type BroadcastOutbox, type TemplateButtons } from './broadcasts.service.js';
import type { CrmService } from './contacts.service.js';
import { crmRoutes } from './crm.routes.js';
import { createContactImports } from './import/imports.service.js';
import { createSegments } from './segments.service.js';

export interface CrmDeps {
  db: Db;
  bus: Bus;
  log: Logger;
  dataDir: string;
  /** The contacts service (built first: WhatsApp and the conversation engine use it). */
  contacts: CrmService;
  /** The WhatsApp outbox, for broadcasts (read when a broadcast is sent). */
  outbox?: () => BroadcastOutbox | null;
  clock?: () => Date;
  /** The brain in force: when it is Mistral, conversations are also tagged by the model (with reasons). */
  tagModel?: () => Model | null;
  /** Quiet time after a reply before the model reads the conversation (tests shorten it). */
  tagDelayMs?: number;
  /** An approved template's buttons in order (the template manager's cache), for broadcast coupon codes. */
  templateButtons?: TemplateButtons;
}

/**
 * The Audience: imports, segments, broadcasts and auto-tagging around the contacts service.
 * Auto-tagging listens to the conversation events on the bus from construction (the CLI's
 * `revive chat` tags too); imports run only when asked.
 */
export function createCrm(deps: CrmDeps) {
  const { db, bus, contacts } = deps;
  const log = deps.log.child({ domain: 'crm' });
  const clock = deps.clock ?? (() => new Date());
  const segments = createSegments(db, clock);
  const imports = createContactImports({ db, crm: contacts, uploadsDir: join(deps.dataDir, 'imports'), publish: (m) => bus.publish(m), log, clock });
  const broadcasts = createBroadcasts(db, segments, deps.outbox ?? (() => null), clock, deps.templateButtons);
  const unsubscribe = bus.subscribe(autoTagger(contacts));
  const modelTagger = createModelTagger({ contacts, model: deps.tagModel ?? (() => null), log, delayMs: deps.tagDelayMs });
  const unsubscribeModel = bus.subscribe(modelTagger.listener);
  const crm = { contacts, imports, segments, broadcasts, modelTagger };
  const module: DomainModule = {
    name: 'crm',
    adminRouters: [crmRoutes(crm)],
    start: () => imports.start(),
    stop: async () => {
      unsubscribe();
      unsubscribeModel();
      modelTagger.stop();
      await imports.stop();
    },
  };
  return { ...crm, module };
}
export type Crm = Omit<ReturnType<typeof createCrm>, 'module'>;
