export { parseWebhook, readWebhookBody, WebhookBodyError, type ParsedWebhook } from './parse.js';
export { signWebhook, verifyWebhookSignature, parseSignatureHeader, safeEqual } from './signature.js';
export { DeliveryLog } from './deliveries.js';
export { webhookRoutes, deliveriesRoutes, WEBHOOK_PATH, WEBHOOK_BODY_LIMIT } from './webhook.routes.js';
