import { lazyMistral } from '../mistral-sdk.js';
import { DomainError } from '../../shared/errors.js';
import { normalize, type Embedder } from './embedder.js';

export const MISTRAL_EMBED_MODEL = 'mistral-embed';
export const MISTRAL_EMBED_DIMENSIONS = 1024;
/** Inputs per request: well under the API's per-request token budget for product texts. */
export const MISTRAL_BATCH = 64;

export interface MistralEmbedderOptions {
  apiKey: string;
  /** Origin only (the SDK adds /v1/…); for tests and proxies. */
  serverURL?: string;
  batchSize?: number;
  /** Attempts per batch, counting the first. */
  attempts?: number;
  /** First backoff delay; doubles per retry (plus jitter), or the server's Retry-After when given. */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The SDK's HTTP errors (MistralError) carry `statusCode` and `headers`; read by shape, because
 * importing the SDK's error module alone costs seconds of start-up.
 */
interface HttpError {
  statusCode: number;
  headers: Headers;
}
function httpError(err: unknown): HttpError | undefined {
  const e = err as Partial<HttpError> | null;
  return err instanceof Error && typeof e?.statusCode === 'number' && e.headers instanceof Headers ? (e as HttpError) : undefined;
}

/** 429 and 5xx are worth retrying; anything else (401 wrong key, 400 bad input) is not. */
function retryable(err: unknown): boolean {
  const http = httpError(err);
  if (http) return http.statusCode === 429 || http.statusCode >= 500;
  // Connection refused/reset and timeouts surface as plain errors from the SDK's HTTP client.
  return err instanceof Error && /ECONNRESET|ECONNREFUSED|ETIMEDOUT|fetch failed|Connection|timed out/i.test(`${err.name} ${err.message}`);
}

function retryAfterMs(err: unknown): number | undefined {
  const header = httpError(err)?.headers.get('retry-after') ?? null;
  const seconds = header === null ? Number.NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds * 1000, 30_000) : undefined;
}

function explain(err: unknown): DomainError {
  const http = httpError(err);
  if (http && (http.statusCode === 401 || http.statusCode === 403)) {
    return new DomainError('unavailable', 'Mistral did not accept the API key; check it in Settings');
  }
  const detail = http ? `HTTP ${http.statusCode}` : err instanceof Error ? err.message : String(err);
  return new DomainError('unavailable', `Mistral embeddings failed (${detail})`);
}

/** `mistral-embed` through the official SDK: batched, retried with backoff on 429/5xx. */
export function createMistralEmbedder(options: MistralEmbedderOptions): Embedder {
  const sdk = lazyMistral(options.apiKey, options.serverURL);
  const batchSize = options.batchSize ?? MISTRAL_BATCH;
  const attempts = options.attempts ?? 5;
  const backoffMs = options.backoffMs ?? 500;
  const sleep = options.sleep ?? wait;

  async function embedBatch(inputs: string[]): Promise<Float32Array[]> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const res = await (await sdk()).embeddings.create({ model: MISTRAL_EMBED_MODEL, inputs });
        const out = new Array<Float32Array | undefined>(inputs.length);
        res.data.forEach((d, i) => {
          const at = d.index ?? i;
          if (d.embedding && at >= 0 && at < inputs.length) out[at] = normalize(Float32Array.from(d.embedding));
        });
        return out.map((v, i) => {
          if (!v || v.length !== MISTRAL_EMBED_DIMENSIONS) throw new DomainError('unavailable', `Mistral returned no ${MISTRAL_EMBED_DIMENSIONS}-d embedding for input ${i}`);
          return v;
        });
      } catch (err) {
        if (err instanceof DomainError) throw err;
        if (attempt >= attempts || !retryable(err)) throw explain(err);
        const backoff = backoffMs * 2 ** (attempt - 1) * (1 + Math.random() * 0.25);
        await sleep(retryAfterMs(err) ?? backoff);
      }
    }
  }

  return {
    id: MISTRAL_EMBED_MODEL,
    dimensions: MISTRAL_EMBED_DIMENSIONS,
    async embed(texts) {
      const out: Float32Array[] = [];
      for (let i = 0; i < texts.length; i += batchSize) out.push(...(await embedBatch(texts.slice(i, i + batchSize))));
      return out;
    },
  };
}
