import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const HEADER = /^sha256=([0-9a-f]{64})$/i;

/** `X-Hub-Signature-256` for a body: what Meta (and the emulator) send with every webhook POST. */
export function signWebhook(body: Buffer | string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;
}

/** The 32 signature bytes of a well-formed header, else null. */
export function parseSignatureHeader(header: string | undefined): Buffer | null {
  const m = header === undefined ? null : HEADER.exec(header.trim());
  return m?.[1] ? Buffer.from(m[1], 'hex') : null;
}

/** HMAC-SHA256 of the raw bytes with the app secret, compared in constant time. */
export function verifyWebhookSignature(body: Buffer, signature: Buffer, appSecret: string): boolean {
  const expected = createHmac('sha256', appSecret).update(body).digest();
  return signature.length === expected.length && timingSafeEqual(signature, expected);
}

/** Constant-time string equality (the verify token of the GET handshake); hashing first hides the length too. */
export function safeEqual(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b)) && a === b;
}
