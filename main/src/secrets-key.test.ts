import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const storage = vi.hoisted(() => ({
  available: true,
  backend: 'gnome_libsecret' as string,
  encrypted: 0,
}));

// Reversible stand-in for the OS keychain: a marker plus the reversed bytes.
vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => storage.available,
    getSelectedStorageBackend: () => storage.backend,
    encryptString: (plain: string) => {
      storage.encrypted += 1;
      return Buffer.concat([Buffer.from('ENC:'), Buffer.from(plain).reverse()]);
    },
    decryptString: (data: Buffer) => {
      if (!data.subarray(0, 4).equals(Buffer.from('ENC:'))) throw new Error('cannot decrypt');
      return Buffer.from(data.subarray(4)).reverse().toString();
    },
  },
}));

const { getOrCreateSecretsKey, SECRETS_KEY_FILE } = await import('./secrets-key.js');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'revive-key-'));
  Object.assign(storage, { available: true, backend: 'gnome_libsecret', encrypted: 0 });
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('getOrCreateSecretsKey', () => {
  it('creates a 32-byte key once, stores it encrypted, and reads the same key back', () => {
    const userData = join(dir, 'user data');
    const key = getOrCreateSecretsKey(userData, 'linux');
    expect(key).not.toBeNull();
    expect(Buffer.from(key!, 'base64')).toHaveLength(32);

    const file = join(userData, SECRETS_KEY_FILE);
    const onDisk = readFileSync(file);
    expect(onDisk.toString()).not.toContain(key!);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);

    expect(getOrCreateSecretsKey(userData, 'linux')).toBe(key);
    expect(getOrCreateSecretsKey(userData, 'linux')).toBe(key);
    expect(storage.encrypted).toBe(1);
  });

  it('returns null and writes nothing when encryption is unavailable', () => {
    storage.available = false;
    expect(getOrCreateSecretsKey(dir, 'win32')).toBeNull();
    expect(existsSync(join(dir, SECRETS_KEY_FILE))).toBe(false);
  });

  it("treats Linux's basic_text backend (a hard-coded password) as unavailable", () => {
    storage.backend = 'basic_text';
    expect(getOrCreateSecretsKey(dir, 'linux')).toBeNull();
    expect(existsSync(join(dir, SECRETS_KEY_FILE))).toBe(false);
    expect(getOrCreateSecretsKey(dir, 'darwin')).not.toBeNull();
  });

  it('returns null but keeps the file when it cannot be decrypted (never orphans stored secrets)', () => {
    const file = join(dir, SECRETS_KEY_FILE);
    writeFileSync(file, 'written by another keychain');
    expect(getOrCreateSecretsKey(dir, 'linux')).toBeNull();
    expect(readFileSync(file, 'utf8')).toBe('written by another keychain');
    expect(storage.encrypted).toBe(0);
    expect(console.warn).toHaveBeenCalledOnce();
  });
});
