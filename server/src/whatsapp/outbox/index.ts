export { createOutbox, toItem, type Outbox, type OutboxOptions, type EnqueueInput, type StatusUpdate } from './outbox.service.js';
export { outboxRoutes } from './outbox.routes.js';
export { TokenBucket, backoffMs, systemClock, type Clock } from './rate.js';
export type { OutboxRow } from './outbox.repo.js';
