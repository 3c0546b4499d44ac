export { startEmulator, type Emulator, type EmulatorOptions, type RecordedRequest } from './emulator.js';
export { validateSendBody, type MetaRejection } from './validate.js';
export { signBody, type InboundInput, type DeliveryRecord } from './webhooks.js';
export type { Injection } from './errors.js';
