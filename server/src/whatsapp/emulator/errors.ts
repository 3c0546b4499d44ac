import { randomBytes } from 'node:crypto';

/**
 * What to do to the next matching send. With `code` (and/or `httpStatus`) the send fails with
 * Meta's error; with `via: 'status'` it is accepted and then fails by a `failed` status webhook,
 * as Meta reports 131047 and 131026 in practice. With neither, the send succeeds after `delayMs`
 * (a slow response; the message is accepted and its statuses go out before the answer does).
 */
export interface Injection {
  code?: number;
  httpStatus?: number;
  /** How many sends it applies to (default 1). */
  times?: number;
  /** Only sends to this recipient. */
  to?: string;
  delayMs?: number;
  via?: 'response' | 'status';
  /** For an accepted send: wait this long before its status webhooks start (the app may be down by then)… */
  statusAfterMs?: number;
  /** …or send none for it (Meta's statuses never arrived). */
  noStatuses?: boolean;
  message?: string;
  details?: string;
  subcode?: number;
}

const TITLES: Record<number, { message: string; details?: string; status?: number; type?: string }> = {
  1: { message: 'An unknown error occurred', status: 500 },
  2: { message: 'Service temporarily unavailable', status: 503 },
  4: { message: '(#4) Application request limit reached', status: 429 },
  100: { message: '(#100) Invalid parameter' },
  190: { message: 'Invalid OAuth access token - Cannot parse access token', status: 401 },
  368: { message: '(#368) Temporarily blocked for policies violations' },
  130429: { message: '(#130429) Rate limit hit', details: 'Cloud API message throughput has been reached.' },
  131000: { message: '(#131000) Something went wrong', details: 'Something went wrong. Please try again later.', status: 500 },
  131008: { message: '(#131008) Required parameter is missing' },
  131009: { message: '(#131009) Parameter value is not valid' },
  131026: { message: '(#131026) Message Undeliverable', details: 'Unable to deliver message. The recipient may not be on WhatsApp.' },
  131047: {
    message: '(#131047) Re-engagement message',
    details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
  },
  131048: { message: '(#131048) Spam rate limit hit', details: 'Message failed to send because there are restrictions on how many messages can be sent from this phone number.' },
  131056: { message: '(#131056) (Business Account, Consumer Account) pair rate limit hit', details: 'Too many messages sent from the sender phone number to the same recipient phone number in a short period of time.' },
};

export interface MetaErrorJson {
  error: { message: string; type: string; code: number; error_subcode?: number; error_data?: { messaging_product: string; details: string }; fbtrace_id: string };
}

/** Meta's error JSON for a code, and the HTTP status it comes with. */
export function metaError(i: Pick<Injection, 'code' | 'httpStatus' | 'message' | 'details' | 'subcode'>): { status: number; body: MetaErrorJson } {
  const code = i.code ?? (i.httpStatus === 429 ? 4 : i.httpStatus && i.httpStatus >= 500 ? 2 : 100);
  const known = TITLES[code] ?? { message: `(#${code}) Error` };
  const details = i.details ?? known.details;
  const type = code === 100 && i.subcode === 33 ? 'GraphMethodException' : 'OAuthException';
  return {
    status: i.httpStatus ?? known.status ?? 400,
    body: {
      error: {
        message: i.message ?? known.message,
        type,
        code,
        ...(i.subcode !== undefined ? { error_subcode: i.subcode } : {}),
        ...(details ? { error_data: { messaging_product: 'whatsapp', details } } : {}),
        fbtrace_id: randomBytes(9).toString('base64url'),
      },
    },
  };
}
