import type { Logger } from 'pino';
import type { Db } from './connection.js';
import { backupDatabase, listBackups } from './backup.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Makes a backup when the newest one is a day old (or none exists), checking every hour, so a PC
 * that is switched off at night still gets one backup per day of use. Returns a stop function.
 */
export function startDailyBackups(
  db: Db,
  dir: string,
  log: Logger,
  { firstCheckMs = 5_000, checkEveryMs = 60 * 60 * 1000 }: { firstCheckMs?: number; checkEveryMs?: number } = {},
): () => void {
  let running = false;
  const check = async (): Promise<void> => {
    if (running) return;
    const last = listBackups(dir)[0];
    if (last && Date.now() - Date.parse(last.createdAt) < DAY_MS) return;
    running = true;
    try {
      const made = await backupDatabase(db, dir);
      log.info({ path: made.path }, 'daily backup made');
    } catch (err) {
      log.error({ err }, 'daily backup failed');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void check(), firstCheckMs);
  const timer = setInterval(() => void check(), checkEveryMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
