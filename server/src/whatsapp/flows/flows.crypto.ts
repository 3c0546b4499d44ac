import { createCipheriv, createDecipheriv, createHash, privateDecrypt, constants, type KeyObject } from 'node:crypto';

/**
 * A refusal of the Flow data endpoint with the HTTP status Meta defines: 421 makes the WhatsApp
 * client re-fetch our public key (the request could not be decrypted), 427 ends a Flow whose
 * token is no longer valid, 432 is a bad request signature.
 */
export class FlowEndpointError extends Error {
  constructor(
    readonly status: 421 | 427 | 432 | 400 | 409,
    message: string,
  ) {
    super(message);
    this.name = 'FlowEndpointError';
  }
}

export interface EncryptedFlowRequest {
  encrypted_flow_data: string;
  encrypted_aes_key: string;
  initial_vector: string;
}

export interface DecryptedFlowRequest {
  /** The decrypted JSON body (action, screen, data, flow_token, version). */
  body: Record<string, unknown>;
  aesKey: Buffer;
  iv: Buffer;
}

const TAG_BYTES = 16;
const B64 = /^[A-Za-z0-9+/]*={0,2}$/;

function b64(value: unknown, what: string): Buffer {
  if (typeof value !== 'string' || value.length === 0 || !B64.test(value)) throw new FlowEndpointError(421, `${what} is not base64`);
  return Buffer.from(value, 'base64');
}

/**
 * Meta's envelope, opened: the AES-128 key is unwrapped with our RSA private key (OAEP, SHA-256),
 * then the flow data is AES-128-GCM with the last 16 bytes as the tag. Any failure is a 421.
 */
export function decryptFlowRequest(raw: unknown, privateKey: KeyObject): DecryptedFlowRequest {
  if (typeof raw !== 'object' || raw === null) throw new FlowEndpointError(421, 'The request is not an encrypted Flow request');
  const r = raw as Partial<EncryptedFlowRequest>;
  const data = b64(r.encrypted_flow_data, 'encrypted_flow_data');
  const wrapped = b64(r.encrypted_aes_key, 'encrypted_aes_key');
  const iv = b64(r.initial_vector, 'initial_vector');
  let aesKey: Buffer;
  try {
    aesKey = privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, wrapped);
  } catch {
    throw new FlowEndpointError(421, 'The AES key could not be unwrapped with our private key (the public key at Meta is not ours any more?)');
  }
  if (aesKey.length !== 16) throw new FlowEndpointError(421, `The AES key is ${aesKey.length} bytes; Flows use AES-128`);
  if (iv.length === 0 || data.length <= TAG_BYTES) throw new FlowEndpointError(421, 'The flow data or its IV is too short');
  let text: string;
  try {
    const decipher = createDecipheriv('aes-128-gcm', aesKey, iv);
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    text = Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new FlowEndpointError(421, 'The flow data failed AES-GCM authentication');
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new FlowEndpointError(421, 'The decrypted flow data is not JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new FlowEndpointError(421, 'The decrypted flow data is not a JSON object');
  return { body: body as Record<string, unknown>, aesKey, iv };
}

/** The IV with every bit flipped: what Meta expects the response to be encrypted with. */
export function flipIv(iv: Buffer): Buffer {
  return Buffer.from(iv.map((b) => b ^ 0xff));
}

/** The response: JSON, AES-128-GCM with the request's key and the flipped IV, tag appended, base64. */
export function encryptFlowResponse(response: unknown, aesKey: Buffer, iv: Buffer): string {
  const cipher = createCipheriv('aes-128-gcm', aesKey, flipIv(iv));
  const out = Buffer.concat([cipher.update(JSON.stringify(response), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return out.toString('base64');
}

/** What identifies one request for the replay guard: its flow token and IV. */
export function requestDigest(flowToken: string, iv: Buffer): string {
  return createHash('sha256').update(flowToken).update('\0').update(iv).digest('hex');
}
