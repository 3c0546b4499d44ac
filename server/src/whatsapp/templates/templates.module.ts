import type { Logger } from 'pino';
import type { Db } from '../../db/index.js';
import type { DomainModule } from '../../domains.js';
import { templatesRepo } from './templates.repo.js';
import { templatesRoutes } from './templates.routes.js';
import { createTemplatesService, type TemplatesDeps } from './templates.service.js';

export interface TemplatesModuleDeps {
  db: Db;
  log: Logger;
  /** The connection in force (`whatsapp.service.outbound.config`). */
  config: () => { graphUrl: string; apiVersion: string; accessToken: string | undefined; wabaId: string };
  /** The demo's emulator, whose WhatsApp Business Account id stands in when none is set. */
  emulatorWabaId?: () => string | null;
  contacts: TemplatesDeps['contacts'];
  outbox: TemplatesDeps['outbox'];
  fetch?: typeof fetch;
}

/** The template manager: service (list, refresh, get, send) and its admin routes. */
export function createTemplates(deps: TemplatesModuleDeps) {
  const service = createTemplatesService({
    repo: templatesRepo(deps.db),
    log: deps.log.child({ domain: 'whatsapp', part: 'templates' }),
    connection: () => {
      const c = deps.config();
      return { graphUrl: c.graphUrl, apiVersion: c.apiVersion, accessToken: c.accessToken, wabaId: c.wabaId || deps.emulatorWabaId?.() || '' };
    },
    contacts: deps.contacts,
    outbox: deps.outbox,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  const module: DomainModule = { name: 'templates', adminRouters: [templatesRoutes(service)] };
  return { service, module };
}
export type Templates = ReturnType<typeof createTemplates>['service'];
