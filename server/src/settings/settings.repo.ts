import type { Db } from '../db/index.js';
import type { Sealed } from './secret-box.js';

export interface SealedRow extends Sealed {
  name: string;
  hint: string | null;
  updatedAt: string;
}

/** SQL for the settings domain, nothing else. */
export function settingsRepo(db: Db) {
  const getValue = db.prepare<[string], { value: string }>('select value from settings where key = ?');
  const putValue = db.prepare(
    `insert into settings (key, value, updated_at) values (?, ?, ?)
     on conflict(key) do update set value = excluded.value, updated_at = excluded.updated_at`,
  );
  const getSecret = db.prepare<[string], { name: string; iv: Buffer; tag: Buffer; ciphertext: Buffer; hint: string | null; updated_at: string }>(
    'select name, iv, tag, ciphertext, hint, updated_at from secrets where name = ?',
  );
  const allSecrets = db.prepare<[], { name: string; hint: string | null; updated_at: string }>('select name, hint, updated_at from secrets');
  const putSecret = db.prepare(
    `insert into secrets (name, iv, tag, ciphertext, hint, updated_at) values (@name, @iv, @tag, @ciphertext, @hint, @updatedAt)
     on conflict(name) do update set iv = excluded.iv, tag = excluded.tag, ciphertext = excluded.ciphertext,
       hint = excluded.hint, updated_at = excluded.updated_at`,
  );
  const deleteSecret = db.prepare('delete from secrets where name = ?');

  return {
    get(key: string): unknown {
      const row = getValue.get(key);
      return row ? (JSON.parse(row.value) as unknown) : undefined;
    },
    put(key: string, value: unknown, updatedAt: string): void {
      putValue.run(key, JSON.stringify(value), updatedAt);
    },
    getSecret(name: string): SealedRow | undefined {
      const r = getSecret.get(name);
      return r && { name: r.name, iv: r.iv, tag: r.tag, ciphertext: r.ciphertext, hint: r.hint, updatedAt: r.updated_at };
    },
    listSecrets(): { name: string; hint: string | null; updatedAt: string }[] {
      return allSecrets.all().map((r) => ({ name: r.name, hint: r.hint, updatedAt: r.updated_at }));
    },
    putSecret(row: SealedRow): void {
      putSecret.run(row);
    },
    deleteSecret(name: string): void {
      deleteSecret.run(name);
    },
  };
}
export type SettingsRepo = ReturnType<typeof settingsRepo>;
