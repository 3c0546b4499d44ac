import { lazyMistral } from '../mistral-sdk.js';
import { DomainError } from '../../shared/errors.js';
import type { Model, ModelRequest, ModelResponse } from '../model.js';
import { explain, retryable, retryAfterMs } from './errors.js';
import { fromSdkResponse, toSdkMessages, toSdkTools } from './wire.js';

export const MISTRAL_CHAT_MODEL = 'mistral-small-latest';

export interface MistralModelOptions {
  apiKey: string;
  /** Origin only (the SDK adds /v1/…); for tests and proxies. */
  serverUrl?: string;
  /** Default mistral-small-latest. */
  model?: string;
  /** Per HTTP request (each retry has its own). Default 30 s. */
  timeoutMs?: number;
  /** Retries after the first attempt, on 429/5xx/connection failures. Default 3. */
  maxRetries?: number;
  /** First backoff delay; doubles per retry, plus up to 25 % jitter, unless the server sends Retry-After. Default 500 ms. */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Told before each retry (the engine logs it). */
  onRetry?(r: { attempt: number; status: number | null; waitMs: number; error: string }): void;
}

const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Mistral chat completions with function calling, through the official SDK (loaded on first use).
 * Retries 429 and 5xx with exponential backoff and jitter (or Retry-After), never other 4xx; each
 * request has its own timeout, which is not retried (a shopper is waiting: the engine answers
 * with its fallback instead). A 401 says to check the key.
 */
export function createMistralModel(options: MistralModelOptions): Model {
  const sdk = lazyMistral(options.apiKey, options.serverUrl);
  const modelName = options.model ?? MISTRAL_CHAT_MODEL;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const attempts = 1 + Math.max(0, options.maxRetries ?? 3);
  const backoffMs = options.backoffMs ?? 500;
  const sleep = options.sleep ?? wait;

  /** One HTTP request with its own timeout, also ended by the caller's signal. */
  async function once(request: ModelRequest): Promise<ModelResponse> {
    const timer = new AbortController();
    const timeout = setTimeout(() => timer.abort(new DOMException('timed out', 'TimeoutError')), timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timer.signal]) : timer.signal;
    try {
      const res = await (await sdk()).chat.complete(
        {
          model: modelName,
          messages: toSdkMessages(request.messages),
          ...(request.tools.length > 0 ? { tools: toSdkTools(request.tools), toolChoice: 'auto' as const } : {}),
        },
        { signal },
      );
      const { content, toolCalls } = fromSdkResponse(res);
      return {
        content,
        toolCalls,
        usage: { promptTokens: res.usage.promptTokens ?? 0, completionTokens: res.usage.completionTokens ?? 0 },
        model: res.model || modelName,
      };
    } catch (err) {
      request.signal?.throwIfAborted();
      if (timer.signal.aborted) throw new DomainError('unavailable', `Mistral did not answer within ${Math.round(timeoutMs / 100) / 10} s`);
      throw err;
    } finally {
      clearTimeout(timeout);
    }
  }

  return {
    provider: 'mistral',
    async complete(request) {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await once(request);
        } catch (err) {
          if (err instanceof DomainError || request.signal?.aborted) throw err;
          if (attempt >= attempts || !retryable(err)) throw explain(err);
          const waitMs = retryAfterMs(err) ?? backoffMs * 2 ** (attempt - 1) * (1 + Math.random() * 0.25);
          const status = (err as { statusCode?: unknown }).statusCode;
          options.onRetry?.({ attempt, status: typeof status === 'number' ? status : null, waitMs, error: err instanceof Error ? err.message : String(err) });
          await sleep(waitMs);
          request.signal?.throwIfAborted();
        }
      }
    },
  };
}
