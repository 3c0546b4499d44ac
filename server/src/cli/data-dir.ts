import envPaths from 'env-paths';

/** `--data` → `REVIVE_DATA_DIR` → the OS's per-user app data folder (…/Revive). */
export function defaultDataDir(): string {
  return process.env.REVIVE_DATA_DIR || envPaths('Revive', { suffix: '' }).data;
}
