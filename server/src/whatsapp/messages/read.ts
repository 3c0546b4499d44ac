import { required } from './limits.js';
import type { GraphReadReceipt } from './types.js';

/**
 * Marks an inbound message (and the ones before it) read: blue ticks for the shopper. With
 * `typing`, WhatsApp also shows "typing…" until we reply or 25 seconds pass.
 */
export function readReceipt(messageId: string, opts: { typing?: boolean } = {}): GraphReadReceipt {
  const receipt: GraphReadReceipt = { messaging_product: 'whatsapp', status: 'read', message_id: required('messageId', 'The message id', messageId) };
  if (opts.typing) receipt.typing_indicator = { type: 'text' };
  return receipt;
}
