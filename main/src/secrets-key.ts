import { safeStorage } from 'electron';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SECRETS_KEY_FILE = 'secrets.key.enc';
const KEY_BYTES = 32;

/**
 * Whether the OS can protect the key. Linux without a keyring falls back to 'basic_text', which
 * encrypts with a password hard-coded in Chromium: that is plain text in disguise, so we treat it
 * as unavailable and the server keeps secrets in memory only.
 */
export function canProtectKey(platform: NodeJS.Platform = process.platform): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
}

function isKey(value: string): boolean {
  return Buffer.from(value, 'base64').length === KEY_BYTES;
}

/**
 * The key (base64, 32 random bytes) that protects the server's secrets, kept in
 * `<userData>/secrets.key.enc` encrypted by safeStorage. Null when the OS cannot protect it.
 * Call after `app` is ready (safeStorage needs it on Linux).
 */
export function getOrCreateSecretsKey(userDataDir: string, platform: NodeJS.Platform = process.platform): string | null {
  if (!canProtectKey(platform)) return null;
  const file = join(userDataDir, SECRETS_KEY_FILE);
  if (existsSync(file)) {
    try {
      const key = safeStorage.decryptString(readFileSync(file));
      if (isKey(key)) return key;
      console.warn(`[revive] ${file} does not hold a valid key; secrets stay in memory this session`);
    } catch (err) {
      console.warn(`[revive] could not decrypt ${file}; secrets stay in memory this session`, err);
    }
    // Never overwrite: a new key would orphan every secret stored under the old one, and the
    // keyring may well be back next launch.
    return null;
  }
  const key = randomBytes(KEY_BYTES).toString('base64');
  mkdirSync(userDataDir, { recursive: true });
  writeFileSync(file, safeStorage.encryptString(key), { mode: 0o600, flag: 'wx' });
  return key;
}
