import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeMistralCall {
  path: string;
  model: unknown;
  input: unknown;
}

export interface FakeMistral {
  /** Origin to pass as the SDK's `serverURL`. */
  url: string;
  apiKey: string;
  calls: FakeMistralCall[];
  /** Every request received, authorised or not. */
  readonly requests: number;
  /** Status codes to answer before serving normally, one per request (e.g. [429, 503]). */
  failNext(...statuses: number[]): void;
  close(): Promise<void>;
}

/** A deterministic 1024-d vector for a text, so tests can compare what came back. */
export function fakeVector(text: string, dimensions = 1024): number[] {
  const v = new Array<number>(dimensions).fill(0);
  for (let i = 0; i < text.length; i += 1) {
    const at = (text.charCodeAt(i) * 31 + i) % dimensions;
    v[at] = (v[at] ?? 0) + 1;
  }
  v[0] = (v[0] ?? 0) + 0.5;
  return v;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * A local stand-in for api.mistral.ai's embeddings endpoint that checks what the real API checks:
 * the bearer key (401 otherwise), `POST /v1/embeddings`, a JSON body with `model` and a non-empty
 * `input` list of strings (422 otherwise), and answers in the real response shape.
 */
export async function startFakeMistral(apiKey = 'test-mistral-key'): Promise<FakeMistral> {
  const calls: FakeMistralCall[] = [];
  const failures: number[] = [];
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests += 1;
    void (async () => {
      const body = await readBody(req);
      if (req.headers.authorization !== `Bearer ${apiKey}`) return send(res, 401, { message: 'Unauthorized', request_id: 'fake' });
      if (req.method !== 'POST' || req.url !== '/v1/embeddings') return send(res, 404, { detail: 'Not Found' });
      let parsed: { model?: unknown; input?: unknown };
      try {
        parsed = JSON.parse(body) as typeof parsed;
      } catch {
        return send(res, 400, { detail: 'Invalid JSON' });
      }
      calls.push({ path: req.url, model: parsed.model, input: parsed.input });
      const failure = failures.shift();
      if (failure !== undefined) {
        res.writeHead(failure, { 'content-type': 'application/json', ...(failure === 429 ? { 'retry-after': '0' } : {}) });
        return res.end(JSON.stringify({ object: 'error', message: `fake failure ${failure}` }));
      }
      const input = parsed.input;
      if (parsed.model !== 'mistral-embed' || !Array.isArray(input) || input.length === 0 || !input.every((s) => typeof s === 'string')) {
        return send(res, 422, { object: 'error', message: 'model must be mistral-embed and input a non-empty list of strings' });
      }
      const texts = input as string[];
      const tokens = texts.reduce((n, t) => n + Math.ceil(t.length / 4), 0);
      send(res, 200, {
        id: `emb-${calls.length}`,
        object: 'list',
        // Real responses are in input order; reversing here proves the client sorts by `index`.
        data: texts.map((t, index) => ({ object: 'embedding', embedding: fakeVector(t), index })).reverse(),
        model: 'mistral-embed',
        usage: { prompt_tokens: tokens, total_tokens: tokens },
      });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    calls,
    get requests() {
      return requests;
    },
    failNext: (...statuses) => failures.push(...statuses),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
