import { z } from 'zod';
import { HealthSchema } from './health.js';
import { StoreProfileSchema } from './store.js';
import { SecretListSchema, SecretPutSchema, SecretInfoSchema } from './secrets.js';
import { catalogApi } from './catalog.js';
import { whatsappApi } from './whatsapp.js';
import { whatsappOutApi } from './whatsapp-out.js';
import { whatsappConnectionApi } from './whatsapp-connection.js';
import { crmApi } from './crm.js';
import { tunnelApi } from './tunnel.js';
import { searchApi } from './search.js';
import { agentsApi } from './agents.js';
import { conversationsApi } from './conversations.js';
import { knowledgeApi } from './knowledge.js';
import { opsApi } from './ops.js';
import { pipelineApi } from './pipeline.js';
import { flowsApi } from './flows.js';
import { templatesApi } from './templates.js';
import { inboxApi } from './inbox.js';
import { feedbackApi } from './feedback.js';
import { pricingApi } from './commerce-pricing.js';
import { appointmentsApi } from './appointments.js';
import { catalogSyncApi } from './catalog-sync.js';
import { tryonApi } from './tryon.js';
import { ordersApi } from './orders.js';
import { offersApi } from './offers.js';

/**
 * The admin API as one typed table: each operation declared once with its method, path, request
 * and response schemas. The server routes and the renderer's client both use these entries.
 * A domain declares its own table in its contracts file and adds one spread line below.
 */
const coreApi = {
  health: { method: 'GET', path: '/api/health', request: z.void(), response: HealthSchema },
  getStore: { method: 'GET', path: '/api/settings/store', request: z.void(), response: StoreProfileSchema },
  putStore: { method: 'PUT', path: '/api/settings/store', request: StoreProfileSchema, response: StoreProfileSchema },
  listSecrets: { method: 'GET', path: '/api/settings/secrets', request: z.void(), response: SecretListSchema },
  putSecret: { method: 'PUT', path: '/api/settings/secrets/:name', request: SecretPutSchema, response: SecretInfoSchema },
  deleteSecret: { method: 'DELETE', path: '/api/settings/secrets/:name', request: z.void(), response: SecretInfoSchema },
} as const;

export const api = {
  ...coreApi,
  ...searchApi,
  ...catalogApi,
  ...whatsappApi,
  ...whatsappOutApi,
  ...whatsappConnectionApi,
  ...crmApi,
  ...tunnelApi,
  ...agentsApi,
  ...conversationsApi,
  ...knowledgeApi,
  ...opsApi,
  ...pipelineApi,
  ...inboxApi,
  ...feedbackApi,
  ...pricingApi,
  ...appointmentsApi,
  ...catalogSyncApi,
  ...tryonApi,
  ...ordersApi,
  ...offersApi,
  ...flowsApi,
  ...templatesApi,
} as const;

export type ApiTable = typeof api;
export type ApiName = keyof ApiTable;
export type ApiRequest<N extends ApiName> = z.input<ApiTable[N]['request']>;
export type ApiResponse<N extends ApiName> = z.output<ApiTable[N]['response']>;
