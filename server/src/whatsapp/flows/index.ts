/** WhatsApp Flows: the data endpoint, the shipped Flows, completions. Wired in domains.ts. */
export { createFlows, type FlowsDeps, type Flows } from './flows.module.js';
export { FLOWS_ENDPOINT_PATH, FLOWS_SETTINGS_KEY, type FlowCompletionHook, type FlowsFeedbackPort } from './flows.service.js';
export { FLOW_SERVICES, type FlowsAppointmentsPort } from './booking-flow.js';
export { createFlowsKeys, FLOWS_KEY_SECRET } from './flows.keys.js';
export { validateFlowJson, readFlowDefinitions } from './definitions.js';
