/**
 * What the simulator's shopper sends: `messages[]` objects exactly as Meta puts them in a webhook,
 * minus `from`, `id` and `timestamp` (the server fills those in).
 */
export type ShopperMessage = Record<string, unknown>;

export function textMessage(body: string): ShopperMessage {
  return { type: 'text', text: { body } };
}

/** A photo the shopper sends: the media id the store holds it under (as Meta's webhook names it). */
export function photoMessage(mediaId: string, mimeType: string): ShopperMessage {
  return { type: 'image', image: { id: mediaId, mime_type: mimeType } };
}

/** A tap on a reply button; `context.id` is the message that carried the button. */
export function buttonReply(id: string, title: string, messageId: string | undefined): ShopperMessage {
  return { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id, title } }, ...(messageId ? { context: { id: messageId } } : {}) };
}

/** A row picked from a list message. */
export function listReply(row: { id: string; title: string; description?: string }, messageId: string | undefined): ShopperMessage {
  const list_reply = { id: row.id, title: row.title, ...(row.description ? { description: row.description } : {}) };
  return { type: 'interactive', interactive: { type: 'list_reply', list_reply }, ...(messageId ? { context: { id: messageId } } : {}) };
}

/** "Message business" from a product's page: a text that refers to the product. */
export function productEnquiry(body: string, catalogId: string, sku: string): ShopperMessage {
  return { type: 'text', text: { body }, context: { referred_product: { catalog_id: catalogId, product_retailer_id: sku } } };
}
