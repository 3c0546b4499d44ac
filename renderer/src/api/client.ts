import { z } from 'zod';
import { agentsUploads, api, ApiErrorSchema, catalogUploads, crmUploads, knowledgeUploads, tryonUploads, type ApiName, type ApiRequest, type ApiResponse, type ApiTable } from './contracts';
import { formatBytes } from '../ui/format';

/** Every failed call surfaces as this: an HTTP status (0 when the server was unreachable) and the server's error. */
export class ApiClientError extends Error {
  override readonly name = 'ApiClientError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** `'/api/settings/secrets/:name'` → `'name'`. */
type PathParams<P extends string> = P extends `${string}:${infer Param}/${infer Rest}`
  ? Param | PathParams<`/${Rest}`>
  : P extends `${string}:${infer Param}`
    ? Param
    : never;

type ParamsOption<N extends ApiName> = [PathParams<ApiTable[N]['path']>] extends [never]
  ? { params?: undefined }
  : { params: Record<PathParams<ApiTable[N]['path']>, string> };

type BodyOption<N extends ApiName> = [ApiRequest<N>] extends [void] ? { body?: undefined } : { body: ApiRequest<N> };

/** Operations that declare a `query` schema (e.g. search) take their query string as an object (optional when every key is). */
type QueryOption<N extends ApiName> = ApiTable[N] extends { query: z.ZodType }
  ? object extends z.input<ApiTable[N]['query']>
    ? { query?: z.input<ApiTable[N]['query']> }
    : { query: z.input<ApiTable[N]['query']> }
  : { query?: undefined };

export type CallOptions<N extends ApiName> = ParamsOption<N> & BodyOption<N> & QueryOption<N> & { signal?: AbortSignal };

/** Options are optional only for operations with neither path params nor a body. */
export type CallArgs<N extends ApiName> = object extends CallOptions<N> ? [options?: CallOptions<N>] : [options: CallOptions<N>];

/**
 * File uploads: the raw bytes as `application/octet-stream`, not JSON. A domain adds its
 * `<domain>Uploads` table here with one spread line.
 */
const uploads = { ...catalogUploads, ...agentsUploads, ...knowledgeUploads, ...crmUploads, ...tryonUploads } as const;
type UploadTable = typeof uploads;
export type UploadName = keyof UploadTable;
export type UploadResponse<N extends UploadName> = z.output<UploadTable[N]['response']>;

export type UploadOptions<N extends UploadName> = ([PathParams<UploadTable[N]['path']>] extends [never]
  ? { params?: undefined }
  : { params: Record<PathParams<UploadTable[N]['path']>, string> }) & {
  body: Blob;
  /** Query string, e.g. `{ fileName: 'stock.xlsx' }`. */
  query?: Record<string, string>;
  signal?: AbortSignal;
};

export interface ApiClient {
  call<N extends ApiName>(name: N, ...args: CallArgs<N>): Promise<ApiResponse<N>>;
  upload<N extends UploadName>(name: N, options: UploadOptions<N>): Promise<UploadResponse<N>>;
}

export interface ApiClientOptions {
  fetch?: typeof fetch;
  baseUrl?: string;
  /** Called on every 401, so the app can explain how to open a signed-in window. */
  onUnauthorized?: () => void;
}

/** `{ q: 'gold', limit: 10 }` → `?q=gold&limit=10`; undefined values are left out. */
export function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null) search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`Missing path parameter "${key}" for ${path}`);
    return encodeURIComponent(value);
  });
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toError(res: Response, json: unknown): ApiClientError {
  const parsed = ApiErrorSchema.safeParse(json);
  if (parsed.success) {
    const { code, message, fields } = parsed.data.error;
    return new ApiClientError(res.status, code, message, fields ?? {});
  }
  const message = `Revive answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.`;
  return new ApiClientError(res.status, `http_${res.status}`, message);
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function call<N extends ApiName>(name: N, ...args: CallArgs<N>): Promise<ApiResponse<N>> {
    const entry = api[name];
    const opts = (args[0] ?? {}) as { params?: Record<string, string>; body?: unknown; query?: Record<string, unknown>; signal?: AbortSignal };
    const url = baseUrl + fillPath(entry.path, opts.params) + queryString(opts.query);
    const init: RequestInit = { method: entry.method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
    if (opts.signal) init.signal = opts.signal;
    if (opts.body !== undefined) {
      init.headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
      init.body = JSON.stringify(opts.body);
    }
    return send(name, url, init, opts.signal, entry.response as unknown as z.ZodType<ApiResponse<N>>);
  }

  async function upload<N extends UploadName>(name: N, options: UploadOptions<N>): Promise<UploadResponse<N>> {
    const entry = uploads[name];
    if (options.body.size > entry.maxBytes) {
      const message = `The file is ${formatBytes(options.body.size)}; Revive takes at most ${formatBytes(entry.maxBytes)} here.`;
      throw new ApiClientError(413, 'payload_too_large', message);
    }
    const params = (options as { params?: Record<string, string> }).params;
    const url = baseUrl + fillPath(entry.path, params) + queryString(options.query);
    const init: RequestInit = {
      method: entry.method,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': 'application/octet-stream' },
      body: options.body,
    };
    if (options.signal) init.signal = options.signal;
    return send(name, url, init, options.signal, entry.response as unknown as z.ZodType<UploadResponse<N>>);
  }

  async function send<T>(name: string, url: string, init: RequestInit, signal: AbortSignal | undefined, schema: z.ZodType<T>): Promise<T> {
    let res: Response;
    try {
      res = await doFetch(url, init);
    } catch (cause) {
      if (signal?.aborted) throw cause;
      throw new ApiClientError(0, 'network', 'Could not reach Revive. Is it still running?', {}, { cause });
    }

    const json = await readJson(res);
    if (!res.ok) {
      if (res.status === 401) options.onUnauthorized?.();
      throw toError(res, json);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const detail = z.prettifyError(parsed.error);
      throw new ApiClientError(res.status, 'bad_response', `Revive sent an answer this screen does not understand (${name}).\n${detail}`, {}, { cause: parsed.error });
    }
    return parsed.data;
  }

  return { call, upload };
}
