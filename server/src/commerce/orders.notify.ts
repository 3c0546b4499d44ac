import type { Contact, OrderNotice } from '../contracts/index.js';
import { textMessage, type GraphMessage } from '../whatsapp/index.js';
import type { NotifyPort } from './orders.service.js';

export interface NotifierDeps {
  contact(id: number): Pick<Contact, 'waId' | 'userId' | 'phone' | 'isTest' | 'windowOpen'>;
  outbox(): { enqueueAll(inputs: { payload: GraphMessage; contactId?: number | null; correlationId?: string | null }[]): unknown } | null;
}

/**
 * Status notices through the WhatsApp outbox, inside the 24-hour window only (outside it only a
 * template may go: the owner is told it was skipped). Test contacts (simulator, CLI) get nothing.
 */
export function outboxNotifier(deps: NotifierDeps): NotifyPort {
  return (contactId, text, correlationId): OrderNotice => {
    const c = deps.contact(contactId);
    const to = c.waId ?? c.userId ?? c.phone?.replace(/^\+/, '') ?? null;
    const outbox = deps.outbox();
    if (c.isTest || !to || !outbox) return 'no_channel';
    if (!c.windowOpen) return 'outside_window';
    outbox.enqueueAll([{ payload: textMessage(to, text), contactId, correlationId }]);
    return 'sent';
  };
}
