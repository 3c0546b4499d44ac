import { z } from 'zod';

export const SecretStorageSchema = z.enum(['electron-safe-storage', 'key-file', 'memory']);
export type SecretStorage = z.infer<typeof SecretStorageSchema>;

export const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  startedAt: z.string(),
  dataDir: z.string(),
  database: z.object({
    ok: z.boolean(),
    path: z.string(),
    journalMode: z.string(),
    migrations: z.number().int(),
    sizeBytes: z.number().int(),
  }),
  sqliteVec: z.object({ ok: z.boolean(), version: z.string().nullable(), error: z.string().nullable() }),
  listeners: z.object({
    admin: z.object({ url: z.string() }),
    public: z.object({ url: z.string() }),
  }),
  secrets: z.object({ storage: SecretStorageSchema }),
  backups: z.object({ count: z.number().int(), last: z.string().nullable() }),
  demo: z.boolean(),
});
export type Health = z.infer<typeof HealthSchema>;
