import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { z } from 'zod';

/** What a localtunnel server answers to `GET /?new` or `GET /<subdomain>`. */
const RegistrationSchema = z.object({
  id: z.string().min(1).max(63),
  port: z.number().int().min(1).max(65535),
  max_conn_count: z.number().int().min(1).optional(),
  url: z.url({ protocol: /^https?$/ }),
  ip: z.string().optional(),
});

export interface Registration {
  id: string;
  url: string;
  /** Where the client's TCP connections go: the server's IP if it gave one, else the host's name. */
  remoteHost: string;
  remotePort: number;
  maxConn: number;
}

/** More sockets than this would only tie up the shop's connection; localtunnel.me hands out 10. */
const MAX_CONN_CAP = 10;
const MAX_BODY = 64 * 1024;
const TIMEOUT_MS = 15_000;

/**
 * Registers with the localtunnel server. Done here rather than by the client library, whose own
 * request retries every second forever — even after close() — and never reports why it failed.
 * One attempt per call; the service owns retries and backoff. No keep-alive socket is left behind.
 */
export async function register(host: string, subdomain: string | null, signal: AbortSignal): Promise<Registration> {
  const base = host.replace(/\/+$/, '');
  const url = new URL(`${base}/${subdomain ?? '?new'}`);
  const { status, body } = await getJson(url, AbortSignal.any([signal, AbortSignal.timeout(TIMEOUT_MS)]));
  if (status !== 200) {
    const message = typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string' ? body.message : 'no reason given';
    throw new Error(`The tunnel server refused (HTTP ${status}): ${message.slice(0, 200)}`);
  }
  const parsed = RegistrationSchema.safeParse(body);
  if (!parsed.success) throw new Error('The tunnel server answered something that is not a localtunnel registration');
  const r = parsed.data;
  return {
    id: r.id,
    url: r.url.replace(/\/+$/, ''),
    remoteHost: r.ip || url.hostname,
    remotePort: r.port,
    maxConn: Math.min(r.max_conn_count ?? 1, MAX_CONN_CAP),
  };
}

function getJson(url: URL, signal: AbortSignal): Promise<{ status: number; body: unknown }> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', agent: false, signal, headers: { accept: 'application/json', connection: 'close' } }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY) req.destroy(new Error('The tunnel server’s answer is too large'));
        else chunks.push(chunk);
      });
      res.on('error', reject);
      res.on('end', () => {
        let body: unknown = undefined;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          // not JSON: the status decides what to say
        }
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', (err) => reject(describe(err, url)));
    req.end();
  });
}

/** "connect ECONNREFUSED 127.0.0.1:1234" → a sentence the Settings screen can show. */
function describe(err: Error & { code?: string }, url: URL): Error {
  const where = url.host;
  switch (err.code) {
    case 'ECONNREFUSED':
      return new Error(`The tunnel server ${where} refused the connection`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new Error(`The tunnel server ${where} could not be found (is the internet connected?)`);
    case 'ABORT_ERR':
      return new Error(`The tunnel server ${where} did not answer in time`);
    default:
      return new Error(`The tunnel server ${where} could not be reached: ${err.message}`);
  }
}
