import { statSync } from 'node:fs';
import type { Health } from '../contracts/index.js';
import { journalMode, listBackups, type Db, type VecStatus } from '../db/index.js';
import type { SettingsService } from '../settings/index.js';

export interface HealthDeps {
  db: Db;
  dbPath: string;
  vec: VecStatus;
  dataDir: string;
  backupsDir: string;
  migrations: number;
  version: string;
  startedAt: string;
  settings: SettingsService;
  urls: () => { admin: string; public: string };
}

/** The store's health as the Home screen and `revive doctor` show it. */
export function createHealthService(d: HealthDeps) {
  return {
    health(): Health {
      let dbOk = true;
      try {
        d.db.prepare('select 1').get();
      } catch {
        dbOk = false;
      }
      const backups = listBackups(d.backupsDir);
      const urls = d.urls();
      return {
        status: dbOk && d.vec.ok ? 'ok' : 'degraded',
        version: d.version,
        startedAt: d.startedAt,
        dataDir: d.dataDir,
        database: { ok: dbOk, path: d.dbPath, journalMode: journalMode(d.db), migrations: d.migrations, sizeBytes: fileSize(d.dbPath) },
        sqliteVec: d.vec,
        listeners: { admin: { url: urls.admin }, public: { url: urls.public } },
        secrets: { storage: d.settings.secretStorage() },
        backups: { count: backups.length, last: backups[0]?.createdAt ?? null },
        demo: d.settings.isDemo(),
      };
    },
  };
}
export type HealthService = ReturnType<typeof createHealthService>;

function fileSize(path: string): number {
  try {
    return statSync(path).size + safeSize(`${path}-wal`);
  } catch {
    return 0;
  }
}
function safeSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
