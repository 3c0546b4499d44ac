/**
 * How the outbox should react to a failed call:
 * - `retryable` with a `scope`: `global` slows every send (throughput 130429, HTTP 429),
 *   `recipient` slows only that shopper (131056 pair rate), `message` retries this one (5xx, 131000).
 * - `permanent`: stop and record. `account` scope (190 token invalid) means no message can go
 *   until the owner fixes the connection, so the outbox holds messages instead of failing them.
 * - `ambiguous`: the request may have reached Meta (timeout, connection reset after sending):
 *   resending could duplicate, so the outbox first waits for a status webhook carrying our id.
 */
export type GraphErrorKind = 'retryable' | 'permanent' | 'ambiguous';
export type GraphErrorScope = 'global' | 'recipient' | 'message' | 'account';

export interface GraphErrorBody {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  error_data?: { details?: string; messaging_product?: string } | string;
  fbtrace_id?: string;
}

/** Error codes Meta documents for the Cloud API that we act on. */
export const GRAPH_CODES = {
  throughput: 130429,
  pairRate: 131056,
  somethingWrong: 131000,
  reEngagement: 131047,
  undeliverable: 131026,
  spamRate: 131048,
  policyBlocked: 368,
  tokenInvalid: 190,
  invalidParameter: 100,
  parameterMissing: 131008,
  parameterInvalid: 131009,
} as const;

const RETRYABLE_GLOBAL = new Set<number>([GRAPH_CODES.throughput, 4, 80007]);
const RETRYABLE_MESSAGE = new Set<number>([GRAPH_CODES.somethingWrong, 1, 2, 131016]);

export function classify(httpStatus: number, code: number | null): { kind: GraphErrorKind; scope: GraphErrorScope } {
  if (code === GRAPH_CODES.pairRate) return { kind: 'retryable', scope: 'recipient' };
  if (code !== null && RETRYABLE_GLOBAL.has(code)) return { kind: 'retryable', scope: 'global' };
  if (code === GRAPH_CODES.tokenInvalid || httpStatus === 401) return { kind: 'permanent', scope: 'account' };
  if (httpStatus === 429) return { kind: 'retryable', scope: 'global' };
  if (code !== null && RETRYABLE_MESSAGE.has(code)) return { kind: 'retryable', scope: 'message' };
  if (httpStatus >= 500) return { kind: 'retryable', scope: 'message' };
  return { kind: 'permanent', scope: 'message' };
}

/** A failed Graph API call, parsed from Meta's `{error:{message,type,code,error_subcode,error_data,fbtrace_id}}`. */
export class GraphApiError extends Error {
  readonly httpStatus: number;
  readonly code: number | null;
  readonly subcode: number | null;
  readonly type: string | null;
  readonly details: string | null;
  readonly fbtraceId: string | null;
  readonly kind: GraphErrorKind;
  readonly scope: GraphErrorScope;

  constructor(opts: { httpStatus: number; body?: GraphErrorBody; message?: string; kind?: GraphErrorKind; scope?: GraphErrorScope }) {
    const b = opts.body ?? {};
    super(opts.message ?? b.message ?? `The WhatsApp API answered HTTP ${opts.httpStatus}`);
    this.name = 'GraphApiError';
    this.httpStatus = opts.httpStatus;
    this.code = typeof b.code === 'number' ? b.code : null;
    this.subcode = typeof b.error_subcode === 'number' ? b.error_subcode : null;
    this.type = b.type ?? null;
    this.details = typeof b.error_data === 'string' ? b.error_data : (b.error_data?.details ?? null);
    this.fbtraceId = b.fbtrace_id ?? null;
    const c = classify(opts.httpStatus, this.code);
    this.kind = opts.kind ?? c.kind;
    this.scope = opts.scope ?? c.scope;
  }

  get retryable(): boolean {
    return this.kind === 'retryable';
  }

  /** 131047: more than 24 hours since the shopper last wrote; only a template can go now. */
  get needsTemplate(): boolean {
    return this.code === GRAPH_CODES.reEngagement;
  }

  /** What the owner reads: Meta's message, its details, and what to do about it. */
  describe(): string {
    const base = this.details && !this.message.includes(this.details) ? `${this.message}: ${this.details}` : this.message;
    if (this.needsTemplate) return `${base} — more than 24 hours since the customer last wrote; send an approved template instead`;
    if (this.scope === 'account') return `${base} — the access token is not valid; reconnect WhatsApp in Settings`;
    return base;
  }
}

/** Parses an error response; anything that is not Meta's shape still becomes a GraphApiError. */
export function graphErrorFromResponse(httpStatus: number, text: string): GraphApiError {
  try {
    const parsed = JSON.parse(text) as { error?: GraphErrorBody };
    if (parsed && typeof parsed.error === 'object' && parsed.error) return new GraphApiError({ httpStatus, body: parsed.error });
  } catch {
    // not JSON: fall through
  }
  return new GraphApiError({ httpStatus, message: `The WhatsApp API answered HTTP ${httpStatus}${text ? `: ${text.slice(0, 200)}` : ''}` });
}

const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * A failure below HTTP. Refused or unresolvable connections never reached Meta: safe to retry.
 * A timeout or a reset after connecting may have delivered the request: ambiguous.
 */
export function graphErrorFromNetwork(err: unknown): GraphApiError {
  const cause = (err as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } })?.cause;
  const code = cause?.code ?? cause?.errors?.[0]?.code ?? (err as { code?: string })?.code ?? '';
  const name = (err as { name?: string })?.name ?? '';
  const text = cause?.message ?? (err as Error)?.message ?? String(err);
  if (NOT_SENT.has(code)) return new GraphApiError({ httpStatus: 0, message: `Could not reach the WhatsApp API (${code})`, kind: 'retryable', scope: 'global' });
  const timeout = name === 'TimeoutError' || name === 'AbortError';
  return new GraphApiError({ httpStatus: 0, message: timeout ? 'The WhatsApp API did not answer in time' : `The connection to the WhatsApp API failed: ${text}`, kind: 'ambiguous', scope: 'message' });
}
