import { DomainError } from '../shared/errors.js';

/** A mistake in how the command was called: exit 2. */
export class UsageError extends Error {}

/** A failure whose explanation has already been printed (exit 1, nothing more to say). */
export class Quiet extends Error {}

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

export interface Out {
  json: boolean;
  /** The one JSON object of a `--json` command, or human lines otherwise. */
  result(value: object, human: string): void;
  info(line: string): void;
}

export function output(json: boolean): Out {
  return {
    json,
    result(value, human) {
      process.stdout.write(json ? `${JSON.stringify(value)}\n` : `${human}\n`);
    },
    info(line) {
      if (!json) process.stdout.write(`${line}\n`);
    },
  };
}

/**
 * Every failure ends here: one line for a person, or `{"error":{code,message}}` for a tool, and the
 * exit code (2 for usage errors, 1 otherwise). A stack trace is shown only with REVIVE_DEBUG=1.
 */
export function fail(err: unknown, json: boolean): number {
  if (err instanceof Quiet) return EXIT.failure;
  const usage = err instanceof UsageError;
  const code = usage ? 'usage' : err instanceof DomainError ? err.code : errorCode(err);
  const message = err instanceof Error ? err.message : String(err);
  if (json) process.stdout.write(`${JSON.stringify({ error: { code, message } })}\n`);
  else process.stderr.write(`revive: ${message}\n`);
  if (process.env.REVIVE_DEBUG === '1' && err instanceof Error) process.stderr.write(`${err.stack ?? ''}\n`);
  return usage ? EXIT.usage : EXIT.failure;
}

function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') return 'port_in_use';
  if (code === 'EACCES' || code === 'EPERM') return 'permission_denied';
  if (code === 'ENOENT') return 'not_found';
  return 'failed';
}
