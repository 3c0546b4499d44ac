import type { StoreProfile } from '../contracts/index.js';
import { address, type GraphMessage } from '../whatsapp/index.js';

/**
 * "Call store": WhatsApp's cta_url button takes only http(s) addresses (no `tel:`), and a phone
 * button exists only in an approved template. Inside the 24-hour window the store's contact card
 * (a `contacts` message) is what gives the shopper a one-tap Call: WhatsApp shows Call and Message
 * on it. The card carries the store's name, phone (its WhatsApp number too) and website.
 */
export function callStoreMessage(to: string, store: Pick<StoreProfile, 'name' | 'phone' | 'whatsappNumber' | 'website'>): GraphMessage {
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    ...address(to),
    type: 'contacts',
    contacts: [{
      name: { formatted_name: store.name, first_name: store.name },
      org: { company: store.name },
      // wa_id only for the number known to be on WhatsApp: the card then offers Message as well as Call
      phones: [{ phone: store.phone, type: 'WORK', ...(store.whatsappNumber === store.phone ? { wa_id: store.phone.replace(/^\+/, '') } : {}) }],
      ...(store.website ? { urls: [{ url: store.website, type: 'WORK' }] } : {}),
    }],
  } as unknown as GraphMessage;
}
