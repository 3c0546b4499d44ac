import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';

/** Paths whose values are replaced by [redacted] in every log line, whatever logs them. */
export const REDACT_PATHS = [
  'token',
  'accessToken',
  'appSecret',
  'apiKey',
  'secret',
  'value',
  'password',
  'authorization',
  '*.token',
  '*.accessToken',
  '*.appSecret',
  '*.apiKey',
  '*.secret',
  '*.password',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'sessionToken',
  'adminUrl',
];

export function createLogger(opts: { level: string; destination: 'stderr' | 'file'; dataDir: string }): Logger {
  const redact = { paths: REDACT_PATHS, censor: '[redacted]' };
  if (opts.destination === 'file') {
    mkdirSync(join(opts.dataDir, 'logs'), { recursive: true });
    return pino({ level: opts.level, redact }, pino.destination({ dest: join(opts.dataDir, 'logs', 'revive.log'), mkdir: true, sync: false }));
  }
  return pino({ level: opts.level, redact }, pino.destination(2));
}
