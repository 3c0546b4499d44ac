/**
 * The one contracts module: request/response shapes shared by the server, the renderer, the CLI
 * and the Electron shell. Runtime-validated with zod; types are inferred, never hand-written twice.
 */
export * from './errors.js';
export * from './store.js';
export * from './health.js';
export * from './secrets.js';
export * from './live.js';
export * from './child.js';
export * from './catalog.js';
export * from './understanding.js';
export * from './whatsapp.js';
export * from './whatsapp-out.js';
export * from './whatsapp-connection.js';
export * from './crm.js';
export * from './tunnel.js';
export * from './search.js';
export * from './agents.js';
export * from './conversations.js';
export * from './knowledge.js';
export * from './ops.js';
export * from './pipeline.js';
export * from './catalog-sync.js';
export * from './orders.js';
export * from './tryon.js';
export * from './appointments.js';
export * from './commerce-pricing.js';
export * from './offers.js';
export * from './inbox.js';
export * from './feedback.js';
export * from './flows.js';
export * from './templates.js';
export * from './api.js';
