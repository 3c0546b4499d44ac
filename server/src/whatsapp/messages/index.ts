/** WhatsApp message builders: one small function per message type, each checking Meta's limits. */
export { LIMITS, MessageLimitError, charCount } from './limits.js';
export type { GraphMessage, GraphReadReceipt, HeaderInput, MediaRef, Json } from './types.js';
export { address } from './parts.js';
export { textMessage } from './text.js';
export { replyButtonsMessage, type ReplyButtonsInput } from './buttons.js';
export { listMessage, type ListInput } from './list.js';
export { ctaUrlMessage, type CtaUrlInput } from './cta-url.js';
export { flowMessage, type FlowInput } from './flow.js';
export { productMessage, productListMessage, catalogMessage, type ProductInput, type ProductListInput, type CatalogInput } from './commerce.js';
export { templateMessage, type TemplateInput, type TemplateButtonInput } from './template.js';
export { imageMessage, documentMessage, videoMessage, audioMessage } from './media.js';
export { readReceipt } from './read.js';
