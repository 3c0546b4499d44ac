export { createHealthService, type HealthService } from './health.service.js';
export { systemRoutes } from './system.routes.js';
export { runChecks, type Check } from './doctor.js';
export { findChromium, findElectronBinary } from './environment.js';
