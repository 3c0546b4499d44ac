import type { DomainModule } from '../domains.js';
import { tunnelRoutes } from './tunnel.routes.js';
import type { TunnelService } from './tunnel.service.js';

export { createTunnelService, type TunnelService, type TunnelServiceOptions } from './tunnel.service.js';
export { backoffDelay, type BackoffOptions } from './backoff.js';

/** The tunnel is given the public listener's port only, and starts with the server when switched on. */
export function tunnelModule(tunnel: TunnelService): DomainModule {
  return {
    name: 'tunnel',
    adminRouters: [tunnelRoutes(tunnel)],
    start({ publicPort }) {
      tunnel.attach(publicPort);
      tunnel.autoStart();
    },
    stop() {
      tunnel.stop();
    },
  };
}
