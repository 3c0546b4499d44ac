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
import { createFeedback } from './feedback/index.js';
import { createTryOn, tryOnPhotoHook } from './tryon/index.js';
import { createFlows } from './whatsapp/flows/index.js';
import { createTemplates } from './whatsapp/templates/index.js';
import { createCatalogSync } from './whatsapp/catalog-sync/index.js';
import { createAppointments } from './appointments/index.js';
import { createCommerce, createPricing, outboxNotifier } from './commerce/index.js';
import { createOffers } from './offers/index.js';
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
  // Gold-rate pricing: a rate change reprices the products priced by weight through the catalog's own update (search and Meta sync follow), logged as a SYNC event.
  const pricing = createPricing({ db: core.db, log: core.log, publish: (m) => core.bus.publish(m), record: (e) => ops.service.record(e), catalogChanges: (l) => catalog.service.onChange(l), catalog: { get: (sku) => { try { return catalog.service.get(sku); } catch { return null; } }, list: () => catalog.service.list().products, updatePrices: (changes) => catalog.service.updatePrices(changes) } });
  const crm = createCrmService(core.db, undefined, { publish: (m) => core.bus.publish(m) });
  const whatsapp = buildWhatsApp({ db: core.db, bus: core.bus, log: core.log, settings: core.settings, crm });
  // Appointments: the store's calendar; a booking moves the deal to Booked (pipeline, built below); reminders go through the outbox.
  const appointments = createAppointments({ ...core, store: () => { try { return core.settings.getStoreProfile(); } catch { return null; } }, contactByPhone: (phone, name) => crm.upsertFromWhatsApp({ waId: phone.replace(/^\+/, ''), name: name || null }).id, signalBooked: (id, reason) => { pipeline.service.signal(id, 'booked', { reason }); }, enqueue: (m) => { whatsapp.service.outbound.outbox.enqueue(m); } });
  // Catalog sync: products pushed to the Meta catalog (items_batch), in the background on changes; product messages name only synced SKUs.
  const catalogSync = createCatalogSync({ ...core, catalogId: () => effectiveCatalogId(core.settings), products: () => catalog.service.list().products, catalogChanges: (l) => catalog.service.onChange(l), store: () => { try { const s = core.settings.getStoreProfile(); return { name: s.name, website: s.website }; } catch { return { name: 'Store', website: '' }; } }, publicUrl: (path) => tunnel.publicUrl(path), graphConfig: () => whatsapp.service.outbound.config(), emulated: () => whatsapp.service.outbound.emulator() !== null, record: (e) => ops.service.record(e) });
  const mistralServerUrl = core.config.mistralServerUrl ?? (process.env.REVIVE_MISTRAL_URL || undefined);
  const search = createSearch({ ...core, mistralServerUrl, catalogChanges: (listener) => catalog.service.onChange(listener) });
  const knowledge = createKnowledge({ ...core, mistralServerUrl });
  // Discount authority: coupons within the agent's cap, the owner's approvals (answers through the outbox, written into the shopper's thread), each offer in the Matrix and on the deal.
  const offers = createOffers({ db: core.db, bus: core.bus, send: (payload, contactId) => { const item = whatsapp.service.outbound.outbox.enqueue({ payload, contactId, correlationId: 'offers.approval' }); conversations.service.inbox.noteOwnerMessage(contactId, payload, item.id); }, record: (e) => ops.service.record(e), signal: (id, what, data) => { pipeline.service.signal(id, what, data); }, makingChargesOf: (sku) => { try { return pricing.pricing.quote(sku).breakup?.making ?? null; } catch { return null; } }, timeZone: () => { try { return core.settings.getStoreProfile().timeZone; } catch { return 'Asia/Kolkata'; } } });
  // Virtual try-on: shoppers' photos (fetched through the Graph client), composed pictures (uploaded back), anchors; the pruner deletes photos past their retention.
  const tryOn = createTryOn({ db: core.db, log: core.log, settings: core.settings, mediaDir: mediaDir(core.config.dataDir), media: whatsapp.service.outbound.client, retentionDays: () => Number(agents.service.defaultAgent().skills.find((s) => s.id === 'virtual_try_on')?.config.retentionDays) || 7, product: (sku) => { try { const p = catalog.service.get(sku); const img = catalog.service.image(p.sku); return { sku: p.sku, name: p.name, category: p.category, file: 'file' in img ? img.file : null }; } catch { return null; } } });
  // The Skill Store's registry: agents complete their skill lists with it, the conversation engine runs its tools.
  const skills = createSkillRegistry({ pricing: pricing.pricing, tryon: tryOn.service, catalogSync: catalogSync.service, search: search.service, knowledge: knowledge.service, catalog: catalog.service, catalogId: () => effectiveCatalogId(core.settings), publicUrl: (path) => tunnel.publicUrl(path), appointments: appointments.service, offers: offers.service });
  const agents = createAgents({ db: core.db, bus: core.bus, log: core.log, dataDir: core.config.dataDir, skills });
  // The conversation engine answers the WhatsApp number (and the simulator, and `revive chat`); the brain follows Settings.
  // Feedback: ratings from the feedback Flow (`feedback.record`) or a plain message (the engine); 1–2 stars go to the Inbox.
  const feedback = createFeedback({ db: core.db, handOff: (contactId, reason) => void conversations.service.inbox.handOffContact(contactId, reason), contactLabel: (id) => { try { const c = crm.get(id); return c.name ?? c.phone ?? c.waId; } catch { return null; } }, agentName: (id) => { try { return agents.service.get(id).name; } catch { return null; } }, timeZone: () => core.settings.getStoreProfile().timeZone });
  const conversations = createConversations({ ...core, feedback: feedback.service, mistralServerUrl, crm, agents: agents.service, skills, outbox: whatsapp.service.outbound.outbox, markRead: (id) => whatsapp.service.outbound.markRead(id, true), inboundHooks: [tryOnPhotoHook(tryOn.service), (m, ctx) => commerce.orderHook(m, ctx), (m, ctx) => commerce.nextStepHook(m, ctx), (m, ctx) => flows.service.completionHook(m, ctx)] });
  whatsapp.service.setInboundHandler((m, { contact }) => conversations.service.handleInbound(m, contact));
  // The Audience: imports, segments, auto-tags from conversation events, broadcasts through the outbox.
  const audience = createCrm({ ...core, dataDir: core.config.dataDir, contacts: crm, outbox: () => whatsapp.service.outbound.outbox, tagModel: () => modelFromSettings(core.settings, { mistralServerUrl, log: core.log }), templateButtons: (name, language) => templates.service.get(name, language)?.buttons.map((b) => (b.needs === 'coupon_code' ? 'copy_code' : 'fixed')) ?? null });
  // Deals follow the conversation events (first message, reply, products, discount) and `pipeline.signal` from later domains.
  const pipeline = createPipeline({ ...core, priceOf: (sku) => { try { return catalog.service.get(sku).price; } catch { return null; } } });
  // The Command Center's event log records the bus while the server runs, with each agent's open and won deals on its Fleet card.
  const ops = createOps({ ...core, contactLabel: (id) => { const c = crm.get(id); return c.phone ?? c.name ?? c.waId; }, listAgents: () => agents.service.list().agents, openHandoffsByAgent: () => conversations.service.openHandoffsByAgent(), pipelineValueByAgent: () => pipelineValueByAgent(pipeline.service.summary()) });
  // Orders: a WhatsApp cart becomes an order (the engine's inbound hook above), priced from the catalog with its pieces held; the deal goes to Sold, an ORDER event to the Matrix.
  const commerce = createCommerce({ ...core, catalog: { product: (sku) => { try { return catalog.service.get(sku); } catch { return null; } }, consume: (sku, n) => { const p = catalog.service.get(sku); catalog.service.update(p.sku, { stock: Math.max(0, p.stock - n) }); } }, signal: (id, what, data) => pipeline.service.signal(id, what, data), record: (e) => { ops.service.record(e); ops.service.flush(); }, notify: outboxNotifier({ contact: (id) => crm.get(id), outbox: () => whatsapp.service.outbound.outbox }), storeName: () => { try { return core.settings.getStoreProfile().name; } catch { return null; } } });
  // WhatsApp Flows (the encrypted data endpoint on the public listener; completions become appointments/ratings) and the template manager.
  const flows = createFlows({ db: core.db, log: core.log, settings: core.settings, appSecret: () => whatsapp.service.config().appSecret, contacts: crm, outbox: () => whatsapp.service.outbound.outbox, resourcesDir: core.config.resourcesDir, appointments: () => appointments.service, feedback: () => feedback.service, publicUrl: (path) => tunnel.publicUrl(path) });
  const templates = createTemplates({ db: core.db, log: core.log, config: () => whatsapp.service.outbound.config(), emulatorWabaId: () => whatsapp.service.outbound.emulator()?.identity.wabaId ?? null, contacts: crm, outbox: () => whatsapp.service.outbound.outbox });
  const services = { feedback: feedback.service, tryon: tryOn.service, tunnel, catalog: catalog.service, crm, whatsapp: whatsapp.service, search: search.service, knowledge: knowledge.service, skills, agents: agents.service, conversations: conversations.service, audience, ops: ops.service, pipeline: pipeline.service, catalogSync: catalogSync.service, pricing: pricing.pricing, rates: pricing.rates, flows: flows.service, templates: templates.service, orders: commerce.service.orders, appointments: appointments.service };
  const modules: DomainModule[] = [
    ops.module, // first: records what the other modules publish as they start
    catalog.module,
    audience.module,
    whatsapp.module,
    catalogSync.module, // after whatsapp: the demo's emulator is up when it first syncs
    mediaModule(mediaDir(core.config.dataDir), core.log),
    tunnelModule(tunnel),
    search.module,
    knowledge.module,
    connectionModule({ settings: core.settings, outbound: whatsapp.service.outbound }),
    { name: 'skills', adminRouters: [skillsRoutes(skills)] },
    agents.module,
    conversations.module,
    feedback.module,
    pipeline.module,
    appointments.module,
    tryOn.module,
    flows.module,
    templates.module,
    pricing.module,
    commerce.module,
    offers.module,
  ];
  return { services, modules };
}

/** Fleet's "pipeline value influenced": an agent's open and won deals, in rupees. */
function pipelineValueByAgent(summary: PipelineSummary): Map<number, number> {
  return new Map(summary.byAgent.flatMap((a) => (a.agentId === null ? [] : [[a.agentId, a.pipelineValue + a.wonValue] as const])));
}

export type Domains = ReturnType<typeof buildDomains>;
export type Services = Domains['services'];
