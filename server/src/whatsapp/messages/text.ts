import { checkLength } from './limits.js';
import { envelope } from './parts.js';
import type { CommonOptions, GraphMessage } from './types.js';

/** A plain text message; `previewUrl` asks WhatsApp to render a preview of the first link. */
export function textMessage(to: string, text: string, opts: CommonOptions & { previewUrl?: boolean } = {}): GraphMessage {
  checkLength('textBody', 'The text', text);
  return { ...envelope(to, 'text', opts), text: { preview_url: opts.previewUrl ?? false, body: text } };
}
