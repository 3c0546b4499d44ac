import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository (or packaged app) root: the nearest folder above this file with package.json. */
export function appRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above the server code');
    dir = up;
  }
  return dir;
}

export function appVersion(): string {
  return (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

const port = z.coerce.number().int().min(0).max(65535);

export const ConfigSchema = z.object({
  dataDir: z.string().min(1).transform((d) => resolve(d)),
  adminPort: port.default(0),
  publicPort: port.default(0),
  rendererDir: z.string().default(() => join(appRoot(), 'build', 'renderer')),
  resourcesDir: z.string().default(() => join(appRoot(), 'resources')),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Pretty/quiet logs go to stderr so stdout stays free for the ready line and JSON output. */
  logDestination: z.enum(['stderr', 'file']).default('stderr'),
  /** base64 key handed over by Electron (safeStorage); null → the key file, or memory. */
  electronSecretsKey: z.string().nullable().default(null),
  secretsKeyFileAllowed: z.boolean().default(true),
  heartbeatMs: z.number().int().positive().default(15_000),
  backupsEnabled: z.boolean().default(true),
  /**
   * A Mistral-compatible origin instead of api.mistral.ai (a proxy, or a local fake in tests), for
   * chat and embeddings alike; `REVIVE_MISTRAL_URL` sets it for `revive serve` and `revive chat`.
   */
  mistralServerUrl: z.url().optional(),
  /** A fixed session token (tests, Electron restarts); random when absent. */
  sessionToken: z.string().min(16).optional(),
});
export type Config = z.infer<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;

export function loadConfig(input: ConfigInput): Config {
  return ConfigSchema.parse(input);
}

export function databasePath(dataDir: string): string {
  return join(dataDir, 'revive.sqlite');
}

export function backupsDir(dataDir: string): string {
  return join(dataDir, 'backups');
}

/** Files the app keeps beside the database: product images under `products/`, later avatars. */
export function mediaDir(dataDir: string): string {
  return join(dataDir, 'media');
}
