import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { DomainError } from '../../shared/errors.js';

export const FLOWS_KEY_SECRET = 'flows.privateKey' as const;

/** What the key store needs of the settings: the sealed secrets (AES-256-GCM at rest, never logged). */
export interface FlowsSecretsPort {
  readSecret(name: typeof FLOWS_KEY_SECRET): string | undefined;
  setSecret(name: typeof FLOWS_KEY_SECRET, value: string): unknown;
}

/**
 * The Flows key pair: RSA 2048, made on first need. The private key lives only in the settings
 * secrets (sealed like the access token); the public key is derived from it each time, so the two
 * can never disagree. Deleting the secret in Settings makes a new pair (upload the new public key).
 */
export function createFlowsKeys(secrets: FlowsSecretsPort) {
  let cached: { pem: string; key: KeyObject } | null = null;

  function privateKey(): KeyObject {
    let pem = secrets.readSecret(FLOWS_KEY_SECRET);
    if (!pem) {
      const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
      pem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      secrets.setSecret(FLOWS_KEY_SECRET, pem);
    }
    if (cached?.pem === pem) return cached.key;
    let key: KeyObject;
    try {
      key = createPrivateKey(pem);
    } catch {
      throw new DomainError('validation', 'The stored Flows private key is not a PEM private key; delete it in Settings → Secrets to make a new pair');
    }
    if (key.asymmetricKeyType !== 'rsa') throw new DomainError('validation', 'The Flows private key must be an RSA key');
    cached = { pem, key };
    return key;
  }

  return {
    privateKey,
    /** SPKI PEM ("-----BEGIN PUBLIC KEY-----"), what Meta's `whatsapp_business_encryption` takes. */
    publicKeyPem(): string {
      return createPublicKey(privateKey()).export({ type: 'spki', format: 'pem' }).toString();
    },
  };
}
export type FlowsKeys = ReturnType<typeof createFlowsKeys>;
