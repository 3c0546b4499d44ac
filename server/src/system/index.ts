export { createHealthService, type HealthService } from './health.service.js';
export { systemRoutes } from './system.routes.js';
