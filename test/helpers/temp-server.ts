import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../server/src/main.js';
import type { ConfigInput } from '../../server/src/config.js';

export interface TempServer extends RunningServer {
  dataDir: string;
  admin: string;
  /** fetch on the admin listener with the bearer token (and JSON body when given). */
  api(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  /** `api` with a method and a JSON body (`{}` when none). */
  send(method: string, path: string, body?: unknown): Promise<Response>;
  stop(): Promise<void>;
}

export function tempDir(prefix = 'revive-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The real server on port 0 with a fresh temp data dir; `stop()` closes it and deletes the dir. */
export async function startTempServer(overrides: Partial<ConfigInput> = {}): Promise<TempServer> {
  const dataDir = tempDir();
  const server = await startServer({ dataDir, logLevel: 'silent', backupsEnabled: false, ...overrides });
  const admin = `http://127.0.0.1:${server.adminPort}`;
  const api: TempServer['api'] = (path, init = {}) => {
    const headers = new Headers(init.headers);
    if (!headers.has('authorization')) headers.set('authorization', `Bearer ${server.token}`);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    }
    return fetch(admin + path, { ...init, headers, body });
  };
  return {
    ...server,
    dataDir,
    admin,
    api,
    send: (method, path, body) => api(path, { method, json: body ?? {} }),
    async stop() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A response's JSON body, typed as the test expects it. */
export async function json<T>(res: Response | Promise<Response>): Promise<T> {
  return (await (await res).json()) as T;
}

/** The `{error}` body an admin API refusal carries. */
export async function errorOf(res: Response | Promise<Response>): Promise<{ code: string; message: string; fields?: Record<string, string> }> {
  return (await json<{ error: { code: string; message: string; fields?: Record<string, string> } }>(res)).error;
}
