import { checkLength } from './limits.js';
import { envelope, media } from './parts.js';
import type { CommonOptions, GraphMessage, MediaRef } from './types.js';

type MediaKind = 'image' | 'video' | 'document' | 'audio' | 'sticker';

interface MediaInput extends CommonOptions {
  caption?: string;
}

function mediaMessage(kind: MediaKind, to: string, ref: MediaRef, extra: Record<string, string>, opts: MediaInput): GraphMessage {
  if (opts.caption !== undefined) checkLength('caption', `The ${kind} caption`, opts.caption);
  return {
    ...envelope(to, kind, opts),
    [kind]: { ...media(ref, `The ${kind}`), ...(opts.caption !== undefined ? { caption: opts.caption } : {}), ...extra },
  };
}

/** An image by uploaded media id or public link, with an optional caption (≤ 1,024 characters). */
export function imageMessage(to: string, ref: MediaRef, opts: MediaInput = {}): GraphMessage {
  return mediaMessage('image', to, ref, {}, opts);
}

/** A document (PDF brochure, invoice); `filename` is what the shopper sees. */
export function documentMessage(to: string, ref: MediaRef, opts: MediaInput & { filename?: string } = {}): GraphMessage {
  return mediaMessage('document', to, ref, opts.filename ? { filename: opts.filename } : {}, opts);
}

export function videoMessage(to: string, ref: MediaRef, opts: MediaInput = {}): GraphMessage {
  return mediaMessage('video', to, ref, {}, opts);
}

/** Audio has no caption on WhatsApp. */
export function audioMessage(to: string, ref: MediaRef, opts: CommonOptions = {}): GraphMessage {
  return mediaMessage('audio', to, ref, {}, opts);
}
