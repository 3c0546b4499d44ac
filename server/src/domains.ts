import type { Router } from 'express';
import type { Core } from './main.js';
import type { PipelineSummary } from './contracts/index.js';
import { createCatalog } from './catalog/index.js';
import { mediaDir } from './config.js';
import { mediaModule } from './media/index.js';
import { createTunnelService, tunnelModule } from './tunnel/index.js';
import { createCrm, createCrmService } from './crm/index.js';
import { buildWhatsApp, connectionModule, effectiveCatalogId, resolveWhatsAppConfig, WEBHOOK_PATH } from './whatsapp/index.js';
import { createSearch } from './search/index.js';
import { createKnowledge } from './knowledge/index.js';
import { createSkillRegistry, skillsRoutes } from './skills/index.js';
import { createAgents } from './agents/index.js';
import { createConversations } from './conversations/index.js';
import { createOps } from './ops/index.js';
import { createPipeline } from './pipeline/index.js';
import { modelFromSettings } from './brain/index.js';

/**
 * What a domain hands to the composition root: routers for each listener and, for domains with
 * background work (outbox worker, watched folder, tunnel), start/stop hooks that run only when the
 * server runs — never for one-shot CLI commands.
 */
export interface DomainModule {
  name: string;
  adminRouters?: Router[];
  publicRouters?: Router[];
  /** Runs once both listeners are bound; the tunnel needs the public port. */
  start?(ports: ListenerPorts): void | Promise<void>;
  stop?(): void | Promise<void>;
}

export interface ListenerPorts {
  adminPort: number;
  publicPort: number;
}

/**
 * Builds every domain's service in dependency order. Each domain adds its line here (and its
 * service to `Services`); nothing else in the composition root needs to change.
 */
export function buildDomains(core: Core) {
  const tunnel = createTunnelService({ settings: core.settings, bus: core.bus, log: core.log.child({ domain: 'tunnel' }), webhookPath: WEBHOOK_PATH, verifyToken: () => resolveWhatsAppConfig(core.settings).verifyToken });
  const catalog = createCatalog(core);
  const crm = createCrmService(core.db, undefined, { publish: (m) => core.bus.publish(m) });
  const whatsapp = buildWhatsApp({ db: core.db, bus: core.bus, log: core.log, settings: core.settings, crm });
  const mistralServerUrl = core.config.mistralServerUrl ?? (process.env.REVIVE_MISTRAL_URL || undefined);
  const search = createSearch({ ...core, mistralServerUrl, catalogChanges: (listener) => catalog.service.onChange(listener) });
  const knowledge = createKnowledge({ ...core, mistralServerUrl });
  // The Skill Store's registry: agents complete their skill lists with it, the conversation engine runs its tools.
  const skills = createSkillRegistry({ search: search.service, knowledge: knowledge.service, catalog: catalog.service, catalogId: () => effectiveCatalogId(core.settings), publicUrl: (path) => tunnel.publicUrl(path) });
  const agents = createAgents({ db: core.db, bus: core.bus, log: core.log, dataDir: core.config.dataDir, skills });
  // The conversation engine answers the WhatsApp number (and the simulator, and `revive chat`); the brain follows Settings.
  const conversations = createConversations({ ...core, mistralServerUrl, crm, agents: agents.service, skills, outbox: whatsapp.service.outbound.outbox, markRead: (id) => whatsapp.service.outbound.markRead(id, true) });
  whatsapp.service.setInboundHandler((m, { contact }) => conversations.service.handleInbound(m, contact));
  // The Audience: imports, segments, auto-tags from conversation events, broadcasts through the outbox.
  const audience = createCrm({ ...core, dataDir: core.config.dataDir, contacts: crm, outbox: () => whatsapp.service.outbound.outbox, tagModel: () => modelFromSettings(core.settings, { mistralServerUrl, log: core.log }) });
  // Deals follow the conversation events (first message, reply, products, discount) and `pipeline.signal` from later domains.
  const pipeline = createPipeline({ ...core, priceOf: (sku) => { try { return catalog.service.get(sku).price; } catch { return null; } } });
  // The Command Center's event log records the bus while the server runs, with each agent's open and won deals on its Fleet card.
  const ops = createOps({ ...core, contactLabel: (id) => { const c = crm.get(id); return c.phone ?? c.name ?? c.waId; }, listAgents: () => agents.service.list().agents, openHandoffsByAgent: () => conversations.service.openHandoffsByAgent(), pipelineValueByAgent: () => pipelineValueByAgent(pipeline.service.summary()) });
  const services = { tunnel, catalog: catalog.service, crm, whatsapp: whatsapp.service, search: search.service, knowledge: knowledge.service, skills, agents: agents.service, conversations: conversations.service, audience, ops: ops.service, pipeline: pipeline.service };
  const modules: DomainModule[] = [
    ops.module, // first: records what the other modules publish as they start
    catalog.module,
    audience.module,
    whatsapp.module,
    mediaModule(mediaDir(core.config.dataDir), core.log),
    tunnelModule(tunnel),
    search.module,
    knowledge.module,
    connectionModule({ settings: core.settings, outbound: whatsapp.service.outbound }),
    { name: 'skills', adminRouters: [skillsRoutes(skills)] },
    agents.module,
    conversations.module,
    pipeline.module,
  ];
  return { services, modules };
}

/** Fleet's "pipeline value influenced": an agent's open and won deals, in rupees. */
function pipelineValueByAgent(summary: PipelineSummary): Map<number, number> {
  return new Map(summary.byAgent.flatMap((a) => (a.agentId === null ? [] : [[a.agentId, a.pipelineValue + a.wonValue] as const])));
}

export type Domains = ReturnType<typeof buildDomains>;
export type Services = Domains['services'];
