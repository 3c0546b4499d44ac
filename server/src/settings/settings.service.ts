import {
  SECRET_NAMES,
  StoreProfileSchema,
  type SecretInfo,
  type SecretList,
  type SecretName,
  type SecretStorage,
  type StoreProfile,
} from '../contracts/index.js';
import { DomainError, fieldErrors } from '../shared/errors.js';
import { nowIso } from '../shared/time.js';
import type { Db } from '../db/index.js';
import { SecretBox } from './secret-box.js';
import { settingsRepo } from './settings.repo.js';

const STORE_KEY = 'store.profile';
const DEMO_KEY = 'app.demo';

export type SettingsEvent = { key: string };

/** Shows the last four characters of long secrets only; short ones get no hint at all. */
function hintFor(value: string): string {
  return value.length >= 12 ? `••••${value.slice(-4)}` : '••••';
}

/**
 * Store profile and secrets. Secrets are sealed with AES-256-GCM when a key is available and kept
 * in this process's memory otherwise; they are never returned in full, never logged.
 */
export function createSettingsService(db: Db, secrets: { storage: SecretStorage; key: Buffer | null }, onChange: (e: SettingsEvent) => void) {
  const repo = settingsRepo(db);
  const box = secrets.key ? new SecretBox(secrets.key) : null;
  const memory = new Map<SecretName, { value: string; hint: string; updatedAt: string }>();

  function info(name: SecretName): SecretInfo {
    if (!box) {
      const m = memory.get(name);
      return { name, set: Boolean(m), hint: m?.hint ?? null, updatedAt: m?.updatedAt ?? null };
    }
    const row = repo.listSecrets().find((r) => r.name === name);
    return { name, set: Boolean(row), hint: row?.hint ?? null, updatedAt: row?.updatedAt ?? null };
  }

  return {
    getStoreProfile(): StoreProfile {
      const value = repo.get(STORE_KEY);
      if (value === undefined) throw new DomainError('not_configured', 'The store profile has not been set up yet');
      return StoreProfileSchema.parse(value);
    },
    saveStoreProfile(input: unknown): StoreProfile {
      const parsed = StoreProfileSchema.safeParse(input);
      if (!parsed.success) {
        throw new DomainError('validation', 'Some store details need fixing', fieldErrors(parsed.error.issues));
      }
      repo.put(STORE_KEY, parsed.data, nowIso());
      onChange({ key: STORE_KEY });
      return parsed.data;
    },
    /** A domain's own non-secret settings (JSON), validated by that domain. */
    getValue(key: string): unknown {
      return repo.get(key);
    },
    setValue(key: string, value: unknown): void {
      repo.put(key, value, nowIso());
      onChange({ key });
    },
    isDemo(): boolean {
      return repo.get(DEMO_KEY) === true;
    },
    markDemo(): void {
      repo.put(DEMO_KEY, true, nowIso());
    },
    secretStorage(): SecretStorage {
      return secrets.storage;
    },
    listSecrets(): SecretList {
      return { storage: secrets.storage, secrets: SECRET_NAMES.map(info) };
    },
    setSecret(name: SecretName, value: string): SecretInfo {
      const updatedAt = nowIso();
      if (box) repo.putSecret({ name, ...box.seal(name, value), hint: hintFor(value), updatedAt });
      else memory.set(name, { value, hint: hintFor(value), updatedAt });
      onChange({ key: `secret.${name}` });
      return info(name);
    },
    deleteSecret(name: SecretName): SecretInfo {
      if (box) repo.deleteSecret(name);
      else memory.delete(name);
      onChange({ key: `secret.${name}` });
      return info(name);
    },
    /** For the domains that use a secret (WhatsApp client, Mistral); undefined when not set or unreadable. */
    readSecret(name: SecretName): string | undefined {
      if (!box) return memory.get(name)?.value;
      const row = repo.getSecret(name);
      if (!row) return undefined;
      try {
        return box.open(name, row);
      } catch {
        // Sealed with a key this machine no longer has (e.g. the key file was deleted): treat as unset.
        return undefined;
      }
    },
  };
}
export type SettingsService = ReturnType<typeof createSettingsService>;
