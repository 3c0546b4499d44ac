/** JSON as it goes on the wire. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * The body of `POST /{phone-number-id}/messages`, exactly as Meta documents it. `to` carries a
 * phone number (digits), `recipient` a business-scoped user id (e.g. "US.1349…") for shoppers
 * who hide their number behind a username; one of the two is always set.
 */
export interface GraphMessage {
  messaging_product: 'whatsapp';
  recipient_type: 'individual';
  to?: string;
  recipient?: string;
  type: 'text' | 'interactive' | 'template' | 'image' | 'document' | 'video' | 'audio' | 'sticker';
  context?: { message_id: string };
  biz_opaque_callback_data?: string;
  [key: string]: Json | undefined;
}

/** `POST /{phone-number-id}/messages` that marks an inbound message read (and shows "typing…"). */
export interface GraphReadReceipt {
  messaging_product: 'whatsapp';
  status: 'read';
  message_id: string;
  typing_indicator?: { type: 'text' };
}

/** Media by Meta id (uploaded) or by a public https link. */
export type MediaRef = { id: string } | { link: string };

/** The optional header of button, list, cta_url and flow messages. */
export type HeaderInput =
  | { text: string }
  | { image: MediaRef }
  | { video: MediaRef }
  | { document: MediaRef & { filename?: string } };

/** Options every builder accepts: quote an earlier message. */
export interface CommonOptions {
  replyTo?: string;
}
