export { createInboxService, type InboxService, type InboundHandler, type InboxOptions, type IngestResult } from './inbox.service.js';
export { inboxRoutes } from './inbox.routes.js';
