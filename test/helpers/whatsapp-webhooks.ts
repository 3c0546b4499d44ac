import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { appRoot } from '../../server/src/config.js';
import { signWebhook } from '../../server/src/whatsapp/index.js';
import type { TempServer } from './temp-server.js';

/** `../shared/fixtures` beside the repository (read only), as in CI's clean clone. */
export function fixturesDir(): string {
  return join(appRoot(), '..', 'shared', 'fixtures');
}

export function updatesDir(): string {
  return join(fixturesDir(), 'whatsapp', 'updates');
}

/** Every webhook body of one fixture file, by variant name. */
export function loadUpdates(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(updatesDir(), file), 'utf8')) as Record<string, unknown>;
}

export function allUpdateVariants(): { file: string; variant: string; body: unknown }[] {
  return readdirSync(updatesDir())
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((file) => Object.entries(loadUpdates(file)).map(([variant, body]) => ({ file, variant, body })));
}

export const TEST_APP_SECRET = 'test-app-secret-0123456789';

/** Sets the app secret (and optionally the verify token) through the admin API, as the Settings screen does. */
export async function configureWebhook(s: TempServer, { appSecret = TEST_APP_SECRET, verifyToken }: { appSecret?: string; verifyToken?: string } = {}): Promise<void> {
  for (const [name, value] of [['whatsapp.appSecret', appSecret], ['whatsapp.verifyToken', verifyToken]] as const) {
    if (value === undefined) continue;
    const res = await s.api(`/api/settings/secrets/${name}`, { method: 'PUT', json: { value } });
    if (res.status !== 200) throw new Error(`could not set ${name}: ${res.status}`);
  }
}

export interface PostResult {
  status: number;
  body: string;
}

/** POSTs a body to the public webhook, signed with `secret` unless `signature` is given (null: no header). */
export async function postWebhook(
  s: { publicPort: number },
  body: string | Buffer,
  { secret = TEST_APP_SECRET, signature, headers = {} }: { secret?: string; signature?: string | null; headers?: Record<string, string> } = {},
): Promise<PostResult> {
  const sig = signature === undefined ? signWebhook(body, secret) : signature;
  const res = await fetch(`http://127.0.0.1:${s.publicPort}/webhooks/whatsapp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(sig === null ? {} : { 'x-hub-signature-256': sig }), ...headers },
    body,
  });
  return { status: res.status, body: await res.text() };
}

/**
 * Declares `declaredLength` bytes but sends only `body`, then ends the request: a body cut off
 * on the way. Resolves with the status, or 0 when the server closed the connection instead.
 */
export function postTruncated(s: { publicPort: number }, body: Buffer, declaredLength: number, signature: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port: s.publicPort, path: '/webhooks/whatsapp', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': declaredLength, 'x-hub-signature-256': signature } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.write(body);
    // Destroy rather than end(): Node would otherwise wait for the missing bytes.
    setTimeout(() => req.destroy(), 100);
  });
}
