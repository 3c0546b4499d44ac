import type { OutboxItem } from '../../api/contracts';

export interface OutboxView {
  label: string;
  color: string;
  detail: string;
  /** Nothing more will happen to it (a read receipt may still follow "Delivered", but need not). */
  final: boolean;
}

/** Where a message stands, in the owner's words: the outbox's own status, then Meta's delivery reports. */
export function describeOutbox(item: Pick<OutboxItem, 'status' | 'delivery' | 'error'>): OutboxView {
  if (item.delivery === 'read') return { label: 'Read', color: 'teal', detail: 'The message was opened on the phone.', final: true };
  if (item.delivery === 'delivered') return { label: 'Delivered', color: 'teal', detail: 'It reached the phone.', final: true };
  if (item.delivery === 'failed' || item.status === 'failed') return { label: 'Failed', color: 'red', detail: 'WhatsApp did not deliver it.', final: true };
  switch (item.status) {
    case 'needs_template':
      return {
        label: 'Needs a template',
        color: 'orange',
        detail: 'This number has not written to your business in the last 24 hours, so WhatsApp accepts only an approved template. Send any message from that phone to your business number, then try again.',
        final: true,
      };
    case 'sent':
      return { label: 'Sent', color: 'blue', detail: 'WhatsApp accepted it; waiting for the phone to receive it.', final: false };
    case 'sending':
      return { label: 'Sending…', color: 'yellow', detail: 'Handing it to WhatsApp.', final: false };
    case 'unconfirmed':
      return { label: 'Checking…', color: 'yellow', detail: 'The send was interrupted; Revive checks whether it went before trying again.', final: false };
    case 'cancelled':
      return { label: 'Cancelled', color: 'gray', detail: 'It was cancelled before it went.', final: true };
    default:
      return { label: 'Queued', color: 'gray', detail: item.error ? 'Waiting to be sent:' : 'Waiting to be sent.', final: false };
  }
}
