import { z } from 'zod';
import { api, ApiErrorSchema, type ApiName, type ApiRequest, type ApiResponse, type ApiTable } from './contracts';

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

export type CallOptions<N extends ApiName> = ParamsOption<N> & BodyOption<N> & { signal?: AbortSignal };

/** Options are optional only for operations with neither path params nor a body. */
export type CallArgs<N extends ApiName> = object extends CallOptions<N> ? [options?: CallOptions<N>] : [options: CallOptions<N>];

export interface ApiClient {
  call<N extends ApiName>(name: N, ...args: CallArgs<N>): Promise<ApiResponse<N>>;
}

export interface ApiClientOptions {
  fetch?: typeof fetch;
  baseUrl?: string;
  /** Called on every 401, so the app can explain how to open a signed-in window. */
  onUnauthorized?: () => void;
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
    const opts = (args[0] ?? {}) as { params?: Record<string, string>; body?: unknown; signal?: AbortSignal };
    const url = baseUrl + fillPath(entry.path, opts.params);
    const init: RequestInit = { method: entry.method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
    if (opts.signal) init.signal = opts.signal;
    if (opts.body !== undefined) {
      init.headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
      init.body = JSON.stringify(opts.body);
    }

    let res: Response;
    try {
      res = await doFetch(url, init);
    } catch (cause) {
      if (opts.signal?.aborted) throw cause;
      throw new ApiClientError(0, 'network', 'Could not reach Revive. Is it still running?', {}, { cause });
    }

    const json = await readJson(res);
    if (!res.ok) {
      if (res.status === 401) options.onUnauthorized?.();
      throw toError(res, json);
    }
    const schema: z.ZodType<ApiResponse<N>> = entry.response as unknown as z.ZodType<ApiResponse<N>>;
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const detail = z.prettifyError(parsed.error);
      throw new ApiClientError(res.status, 'bad_response', `Revive sent an answer this screen does not understand (${name}).\n${detail}`, {}, { cause: parsed.error });
    }
    return parsed.data;
  }

  return { call };
}
