export { createCrmService, SERVICE_WINDOW_MS, type CrmService, type WhatsAppIdentity } from './contacts.service.js';
export { createCrm, type Crm, type CrmDeps } from './crm.domain.js';
export { crmRoutes, contactsCsv } from './crm.routes.js';
export { parseContactMap } from './import/mapping.js';
export type { BroadcastOutbox } from './broadcasts.service.js';
export { e164FromWaId, normalizePhone } from './phone.js';
