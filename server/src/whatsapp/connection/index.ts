import type { DomainModule } from '../../domains.js';
import { connectionRoutes } from './connection.routes.js';
import { createConnectionService, type ConnectionDeps } from './connection.service.js';

export { createConnectionService, type ConnectionService, type ConnectionDeps } from './connection.service.js';

/** Settings → WhatsApp's API: the connection as stored and in force (`/api/whatsapp/connection`). */
export function connectionModule(deps: ConnectionDeps): DomainModule {
  return { name: 'whatsapp.connection', adminRouters: [connectionRoutes(createConnectionService(deps))] };
}
