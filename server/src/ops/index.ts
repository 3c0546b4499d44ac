/** ops — the in-process bus and the Command Center's event log (issue #10). Other domains import only from here. */
export { Bus } from './bus.js';
export { createOps, type OpsDomainDeps } from './ops.module.js';
export { createOpsService, eventTypes, OPS_SETTINGS_KEY, type OpsService, type RecordInput } from './ops.service.js';
export { createFleet, startOfDay } from './fleet.js';
export { maskPhone, maskEvent, HIDDEN_TEXT } from './mask.js';
export type { EventQuery, OpsEventDraft } from './events.repo.js';
