export { createCrmService, SERVICE_WINDOW_MS, type CrmService, type WhatsAppIdentity } from './contacts.service.js';
export { crmRoutes } from './contacts.routes.js';
export { e164FromWaId, normalizePhone } from './phone.js';
