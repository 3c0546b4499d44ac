import { DomainError } from '../../shared/errors.js';
import type { WhatsAppConfig } from '../config.js';
import type { GraphMessage, GraphReadReceipt } from '../messages/index.js';
import { graphErrorFromNetwork, graphErrorFromResponse } from './graph-error.js';

export interface SendResult {
  wamid: string;
  /** The WhatsApp id Meta resolved the recipient to (absent for business-scoped ids). */
  waId: string | null;
}

export interface MediaInfo {
  id: string;
  url: string;
  mimeType: string;
  sha256: string | null;
  fileSize: number | null;
}

export interface GraphClientOptions {
  /** Read on every call, so a change in Settings (or the demo's emulator) applies at once. */
  config: () => WhatsAppConfig;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

function connection(cfg: WhatsAppConfig): { base: string; token: string; phoneNumberId: string } {
  const missing = [!cfg.accessToken && 'access token', !cfg.phoneNumberId && 'phone number id'].filter(Boolean);
  if (missing.length) throw new DomainError('not_configured', `WhatsApp is not connected yet: the ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing (Settings → WhatsApp)`);
  return { base: `${cfg.graphUrl.replace(/\/+$/, '')}/${cfg.apiVersion}`, token: cfg.accessToken as string, phoneNumberId: cfg.phoneNumberId };
}

/**
 * One Graph API request with the bearer token: the JSON answer, or a `GraphApiError` from Meta's
 * error body (or from the network) that says whether to retry. Shared by every Graph endpoint.
 */
export function graphCaller(doFetch: typeof fetch, timeoutMs: number) {
  return async function call<T>(url: string, init: RequestInit & { token: string }): Promise<T> {
    const { token, ...rest } = init;
    const headers = new Headers(rest.headers);
    headers.set('authorization', `Bearer ${token}`);
    let res: Response;
    let text: string;
    try {
      res = await doFetch(url, { ...rest, headers, signal: AbortSignal.timeout(timeoutMs) });
      text = await res.text();
    } catch (err) {
      throw graphErrorFromNetwork(err);
    }
    if (!res.ok) throw graphErrorFromResponse(res.status, text);
    try {
      return JSON.parse(text) as T;
    } catch {
      throw graphErrorFromResponse(res.status, text);
    }
  };
}

/**
 * The Cloud API over HTTP: send a message, mark read (with "typing…"), upload and fetch media.
 * Failures throw a `GraphApiError` that says whether to retry; nothing here retries by itself —
 * that is the outbox's job, which knows the rates and what was already sent.
 */
export function createGraphClient(opts: GraphClientOptions) {
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 30_000;

  const call = graphCaller(doFetch, timeoutMs);

  function isConfigured(): boolean {
    const c = opts.config();
    return Boolean(c.accessToken && c.phoneNumberId);
  }

  return {
    isConfigured,

    async sendMessage(body: GraphMessage): Promise<SendResult> {
      const c = connection(opts.config());
      const res = await call<{ contacts?: { wa_id?: string }[]; messages?: { id?: string }[] }>(`${c.base}/${c.phoneNumberId}/messages`, {
        method: 'POST',
        token: c.token,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const wamid = res.messages?.[0]?.id;
      if (!wamid) throw graphErrorFromResponse(200, JSON.stringify({ error: { message: 'The WhatsApp API accepted the message but returned no message id', code: 131000 } }));
      return { wamid, waId: res.contacts?.[0]?.wa_id ?? null };
    },

    /** Blue ticks on an inbound message, and optionally "typing…" while the reply is prepared. */
    async markRead(receipt: GraphReadReceipt): Promise<void> {
      const c = connection(opts.config());
      await call<{ success?: boolean }>(`${c.base}/${c.phoneNumberId}/messages`, {
        method: 'POST',
        token: c.token,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(receipt),
      });
    },

    /** Uploads a file (multipart) and returns the media id to send by. */
    async uploadMedia(file: { data: Uint8Array; mimeType: string; filename: string }): Promise<{ id: string }> {
      const c = connection(opts.config());
      const form = new FormData();
      form.set('messaging_product', 'whatsapp');
      form.set('type', file.mimeType);
      form.set('file', new Blob([file.data], { type: file.mimeType }), file.filename);
      const res = await call<{ id?: string }>(`${c.base}/${c.phoneNumberId}/media`, { method: 'POST', token: c.token, body: form });
      if (!res.id) throw graphErrorFromResponse(200, JSON.stringify({ error: { message: 'The upload returned no media id', code: 131000 } }));
      return { id: res.id };
    },

    /** A media id (from an inbound image, say) → its short-lived download URL. */
    async getMedia(mediaId: string): Promise<MediaInfo> {
      const c = connection(opts.config());
      const res = await call<{ id: string; url: string; mime_type: string; sha256?: string; file_size?: number | string }>(
        `${c.base}/${encodeURIComponent(mediaId)}?phone_number_id=${encodeURIComponent(c.phoneNumberId)}`,
        { method: 'GET', token: c.token },
      );
      return { id: res.id, url: res.url, mimeType: res.mime_type, sha256: res.sha256 ?? null, fileSize: res.file_size === undefined ? null : Number(res.file_size) };
    },

    /** Downloads media from the URL getMedia returned; Meta requires the token here too. */
    async downloadMedia(url: string): Promise<{ data: Buffer; mimeType: string }> {
      const c = connection(opts.config());
      let res: Response;
      try {
        res = await doFetch(url, { headers: { authorization: `Bearer ${c.token}` }, signal: AbortSignal.timeout(timeoutMs) });
      } catch (err) {
        throw graphErrorFromNetwork(err);
      }
      if (!res.ok) throw graphErrorFromResponse(res.status, await res.text());
      return { data: Buffer.from(await res.arrayBuffer()), mimeType: res.headers.get('content-type') ?? 'application/octet-stream' };
    },
  };
}

export type GraphClient = ReturnType<typeof createGraphClient>;
