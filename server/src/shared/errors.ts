/**
 * A typed domain error: every domain throws these, one middleware maps them to HTTP, and the CLI
 * maps them to `{"error":{code,message}}` with exit 1. Anything else is an internal error.
 */
export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'unauthorized'
  | 'forbidden'
  | 'misdirected'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'not_configured'
  | 'unavailable'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  misdirected: 421,
  not_configured: 404,
  unavailable: 503,
  internal: 500,
};

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.fields = fields;
  }
  get status(): number {
    return STATUS[this.code];
  }
}

/** Turns zod issues into `{ 'address.pincode': 'A PIN code has 6 digits' }`, first issue per path. */
export function fieldErrors(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    out[key] ??= issue.message;
  }
  return out;
}
