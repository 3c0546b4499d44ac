import { randomUUID } from 'node:crypto';
import type { InboundMessage } from '../contracts/index.js';
import { DomainError } from '../shared/errors.js';
import { parseWebhook } from '../whatsapp/index.js';

/**
 * One raw `messages[]` object as Meta sends it → the InboundMessage the webhook parser makes, so
 * the simulator, the CLI and the real channel feed the engine the same shape. `id`, `from` and
 * `timestamp` are filled in when missing.
 */
export function normaliseMessage(raw: Record<string, unknown>, sender: { waId: string; name?: string | null }, now: Date): InboundMessage {
  if (typeof raw.type !== 'string') throw new DomainError('validation', 'The message is not a WhatsApp messages[] object: it needs a "type", e.g. {"type":"text","text":{"body":"Hi"}}');
  const message = { ...raw, from: raw.from ?? sender.waId, id: raw.id ?? `wamid.local.${randomUUID()}`, timestamp: raw.timestamp ?? String(Math.floor(now.getTime() / 1000)) };
  const value = { messaging_product: 'whatsapp', metadata: {}, contacts: [{ wa_id: sender.waId, profile: { name: sender.name ?? null } }], messages: [message] };
  const m = parseWebhook([{ changes: [{ field: 'messages', value }] }], now.toISOString()).messages[0];
  if (!m) throw new DomainError('validation', 'The message could not be read as a WhatsApp message (it needs a string "id")');
  return m;
}

/** A typed text as Meta would deliver it. */
export const textPayload = (body: string): Record<string, unknown> => ({ type: 'text', text: { body } });
