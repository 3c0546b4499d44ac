import { DomainError } from '../../shared/errors.js';

/**
 * The SDK's HTTP errors (MistralError) carry `statusCode`, `headers` and `body`; read by shape,
 * because importing the SDK's error module alone costs seconds of start-up.
 */
interface HttpError {
  statusCode: number;
  headers: Headers;
  body?: string;
}

export function httpError(err: unknown): HttpError | undefined {
  const e = err as Partial<HttpError> | null;
  return err instanceof Error && typeof e?.statusCode === 'number' && e.headers instanceof Headers ? (e as HttpError) : undefined;
}

export const BAD_KEY_MESSAGE = 'Mistral rejected the API key (401); check Settings → WhatsApp → Mistral key';

/** 429 and 5xx are worth retrying, and so is a connection that failed; other 4xx are not. */
export function retryable(err: unknown): boolean {
  const http = httpError(err);
  if (http) return http.statusCode === 429 || http.statusCode >= 500;
  return err instanceof Error && /ConnectionError|ECONNRESET|ECONNREFUSED|fetch failed/i.test(`${err.name} ${err.message}`);
}

/** The server's Retry-After (seconds), capped at 30 s; undefined when absent or a date. */
export function retryAfterMs(err: unknown): number | undefined {
  const header = httpError(err)?.headers.get('retry-after') ?? null;
  const seconds = header === null || header.trim() === '' ? Number.NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds * 1000, 30_000) : undefined;
}

/** Mistral's error text from a response body: `message` as text, or the first validation detail. */
function bodyMessage(body: string | undefined): string | null {
  if (!body) return null;
  try {
    const parsed = JSON.parse(body) as { message?: unknown; detail?: unknown };
    const m = parsed.message;
    if (typeof m === 'string') return m;
    const detail = (m as { detail?: unknown } | undefined)?.detail ?? parsed.detail;
    if (Array.isArray(detail) && detail.length > 0) {
      const first = detail[0] as { msg?: unknown; loc?: unknown };
      return `${Array.isArray(first.loc) ? first.loc.join('.') + ': ' : ''}${String(first.msg ?? '')}`;
    }
  } catch {
    // not JSON: fall through to the raw text
  }
  return body.slice(0, 200);
}

/** Any failure of a chat request as the DomainError the engine shows (and logs). */
export function explain(err: unknown): DomainError {
  if (err instanceof DomainError) return err;
  const http = httpError(err);
  if (http?.statusCode === 401) return new DomainError('unavailable', BAD_KEY_MESSAGE);
  if (http) {
    const why = bodyMessage(http.body);
    return new DomainError('unavailable', `Mistral chat failed (HTTP ${http.statusCode}${why ? `: ${why}` : ''})`);
  }
  return new DomainError('unavailable', `Mistral chat failed (${err instanceof Error ? err.message : String(err)})`);
}
