import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretStorage } from '../contracts/index.js';

export const KEY_FILE = 'secrets.key';

export interface SecretsKey {
  storage: SecretStorage;
  key: Buffer | null;
}

/**
 * Where the key that protects secrets comes from:
 * - Electron: main/ reads it through safeStorage (OS keychain) and hands it to the server child;
 * - browser mode: a 32-byte key file in the data dir readable only by the user (0600);
 * - neither (no key from Electron, or the file cannot be made private): no key, secrets stay in
 *   memory only and the UI says so. Plain text on disk is never the fallback.
 */
export function resolveSecretsKey(opts: { dataDir: string; electronKey?: string | null; fileAllowed: boolean }): SecretsKey {
  if (opts.electronKey) {
    const key = Buffer.from(opts.electronKey, 'base64');
    if (key.length === 32) return { storage: 'electron-safe-storage', key };
  }
  if (!opts.fileAllowed) return { storage: 'memory', key: null };
  try {
    return { storage: 'key-file', key: readOrCreateKeyFile(join(opts.dataDir, KEY_FILE)) };
  } catch {
    return { storage: 'memory', key: null };
  }
}

function readOrCreateKeyFile(path: string): Buffer {
  if (!existsSync(path)) writeFileSync(path, randomBytes(32), { mode: 0o600, flag: 'wx' });
  if (process.platform !== 'win32') {
    if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
    if ((statSync(path).mode & 0o077) !== 0) throw new Error('secrets key file is readable by others');
  }
  const key = readFileSync(path);
  if (key.length !== 32) throw new Error('secrets key file is damaged');
  return key;
}
