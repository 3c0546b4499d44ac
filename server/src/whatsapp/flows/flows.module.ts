import type { Logger } from 'pino';
import type { Db } from '../../db/index.js';
import type { DomainModule } from '../../domains.js';
import type { FlowsAppointmentsPort } from './booking-flow.js';
import { createFlowsKeys, type FlowsSecretsPort } from './flows.keys.js';
import { flowsRepo } from './flows.repo.js';
import { flowsEndpointRoutes, flowsRoutes } from './flows.routes.js';
import { createFlowsService, type FlowsFeedbackPort, type FlowsServiceDeps } from './flows.service.js';

export interface FlowsDeps {
  db: Db;
  log: Logger;
  settings: FlowsSecretsPort & FlowsServiceDeps['settings'] & { getStoreProfile(): { timeZone: string } };
  appSecret: () => string | undefined;
  contacts: FlowsServiceDeps['contacts'];
  outbox: FlowsServiceDeps['outbox'];
  resourcesDir: string;
  appointments?: () => FlowsAppointmentsPort | null;
  feedback?: () => FlowsFeedbackPort | null;
  publicUrl?: (path: string) => string | null;
  clock?: () => Date;
}

/**
 * The Flows part of the WhatsApp domain: its service (endpoint, send, completion hook) and module
 * (the endpoint on the public listener, never the admin API; settings and send on the admin API).
 */
export function createFlows(deps: FlowsDeps) {
  const log = deps.log.child({ domain: 'whatsapp', part: 'flows' });
  const timeZone = () => {
    try {
      return deps.settings.getStoreProfile().timeZone;
    } catch {
      return 'Asia/Kolkata';
    }
  };
  const service = createFlowsService({
    repo: flowsRepo(deps.db),
    keys: createFlowsKeys(deps.settings),
    log,
    appSecret: deps.appSecret,
    settings: deps.settings,
    timeZone,
    contacts: deps.contacts,
    outbox: deps.outbox,
    resourcesDir: deps.resourcesDir,
    ...(deps.appointments ? { appointments: deps.appointments } : {}),
    ...(deps.feedback ? { feedback: deps.feedback } : {}),
    ...(deps.publicUrl ? { publicUrl: deps.publicUrl } : {}),
    ...(deps.clock ? { clock: deps.clock } : {}),
  });
  const module: DomainModule = { name: 'flows', publicRouters: [flowsEndpointRoutes(service, log)], adminRouters: [flowsRoutes(service)] };
  return { service, module };
}
export type Flows = ReturnType<typeof createFlows>['service'];
