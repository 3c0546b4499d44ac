import type { Logger } from 'pino';
import type { Agent } from '../contracts/index.js';
import type { Db } from '../db/index.js';
import type { DomainModule } from '../domains.js';
import type { SettingsService } from '../settings/index.js';
import type { Bus } from './bus.js';
import { createFleet } from './fleet.js';
import { opsRoutes } from './ops.routes.js';
import { createOpsService, type OpsService } from './ops.service.js';
import type { ContactLabel } from './recorder.js';

export interface OpsDomainDeps {
  db: Db;
  bus: Bus;
  log: Logger;
  settings: Pick<SettingsService, 'getValue' | 'setValue' | 'getStoreProfile'>;
  /** Phone (E.164), else name or WhatsApp id, of a contact; null when unknown (from crm). */
  contactLabel: ContactLabel;
  listAgents: () => Agent[];
  openHandoffsByAgent: () => Map<number, number>;
  pipelineValueByAgent: () => Map<number, number>;
  clock?: () => Date;
}

/** Caches labels: the recorder asks for one per conversation step. Bounded; a contact change clears it. */
function cachedLabels(label: ContactLabel, bus: Bus): ContactLabel {
  const cache = new Map<number, string | null>();
  bus.subscribe((m) => {
    if (m.type === 'crm.contacts') cache.clear();
  });
  return (id) => {
    if (cache.has(id)) return cache.get(id) ?? null;
    let value: string | null;
    try {
      value = label(id);
    } catch {
      // a contact deleted meanwhile: no label
      value = null;
    }
    if (cache.size >= 5000) cache.clear();
    cache.set(id, value);
    return value;
  };
}

/**
 * The ops domain: the event log (recorded from the bus while the server runs, pruned at start and
 * daily), its pages, the Fleet cards and the owner's settings. `/api/live` streams from its service.
 */
export function createOps(deps: OpsDomainDeps): { service: OpsService & { fleet: ReturnType<typeof createFleet> }; module: DomainModule } {
  const log = deps.log.child({ domain: 'ops' });
  const ops = createOpsService({ db: deps.db, bus: deps.bus, log, settings: deps.settings, contactLabel: cachedLabels(deps.contactLabel, deps.bus), ...(deps.clock ? { clock: deps.clock } : {}) });
  const timeZone = () => {
    try {
      return deps.settings.getStoreProfile().timeZone;
    } catch {
      return 'Asia/Kolkata';
    }
  };
  const fleet = createFleet({ db: deps.db, listAgents: deps.listAgents, openHandoffsByAgent: deps.openHandoffsByAgent, pipelineValueByAgent: deps.pipelineValueByAgent, timeZone, ...(deps.clock ? { clock: deps.clock } : {}) });
  const service = { ...ops, fleet };
  return {
    service,
    module: { name: 'ops', adminRouters: [opsRoutes(ops, fleet)], start: () => ops.start(), stop: () => ops.stop() },
  };
}
