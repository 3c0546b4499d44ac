import { describe, expect, it } from 'vitest';
import { parseSignatureHeader, safeEqual, signWebhook, verifyWebhookSignature } from './signature.js';

describe('X-Hub-Signature-256', () => {
  const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');

  it('matches a known HMAC-SHA256 over the raw bytes', () => {
    // echo -n '{"object":"whatsapp_business_account","entry":[]}' | openssl dgst -sha256 -hmac s3cret
    expect(signWebhook(body, 's3cret')).toBe('sha256=76d7cf0d41b1c62907ab63a2ffb509a14ebd4bfe05b33a2e8c6960459868a174');
    const sig = parseSignatureHeader(signWebhook(body, 's3cret'));
    expect(sig).not.toBeNull();
    expect(verifyWebhookSignature(body, sig as Buffer, 's3cret')).toBe(true);
  });

  it('fails for another secret, a changed byte, or a shorter body', () => {
    const sig = parseSignatureHeader(signWebhook(body, 's3cret')) as Buffer;
    expect(verifyWebhookSignature(body, sig, 's3cret!')).toBe(false);
    const changed = Buffer.from(body);
    changed[5] = changed[5] === 0x41 ? 0x42 : 0x41;
    expect(verifyWebhookSignature(changed, sig, 's3cret')).toBe(false);
    expect(verifyWebhookSignature(body.subarray(0, 10), sig, 's3cret')).toBe(false);
  });

  it('reads only well-formed headers', () => {
    expect(parseSignatureHeader(undefined)).toBeNull();
    expect(parseSignatureHeader('')).toBeNull();
    expect(parseSignatureHeader('sha256=')).toBeNull();
    expect(parseSignatureHeader(`sha1=${'a'.repeat(40)}`)).toBeNull();
    expect(parseSignatureHeader(`sha256=${'g'.repeat(64)}`)).toBeNull();
    expect(parseSignatureHeader(`sha256=${'A'.repeat(64)}`)?.length).toBe(32);
  });

  it('compares verify tokens exactly', () => {
    expect(safeEqual('token-1', 'token-1')).toBe(true);
    expect(safeEqual('token-1', 'token-2')).toBe(false);
    expect(safeEqual('token-1', 'token-10')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
  });
});
