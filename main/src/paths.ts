import { join, resolve } from 'node:path';

/** Where the server keeps its database and files: REVIVE_DATA_DIR wins, else `<userData>/data`. */
export function dataDirFor(env: NodeJS.ProcessEnv, userDataDir: string): string {
  const override = env.REVIVE_DATA_DIR?.trim();
  return override ? resolve(override) : join(userDataDir, 'data');
}

/** The compiled server child, relative to the app root (the asar in a packaged build). */
export function serverEntryPath(appPath: string): string {
  return join(appPath, 'build', 'node', 'server', 'src', 'child.js');
}

export function trayIconPath(appPath: string): string {
  return join(appPath, 'resources', 'icons', 'tray.png');
}
