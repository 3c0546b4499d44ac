import type { Mistral } from '@mistralai/mistralai';

/**
 * Mistral's SDK client, made on first use: the SDK is large, so an app without a key never pays
 * its start-up cost. The SDK's own retries are off; chat and embeddings each retry in their way.
 */
export function lazyMistral(apiKey: string, serverURL?: string): () => Promise<Mistral> {
  let client: Promise<Mistral> | undefined;
  return () =>
    (client ??= import('@mistralai/mistralai').then(({ Mistral }) => new Mistral({ apiKey, ...(serverURL ? { serverURL } : {}), retryConfig: { strategy: 'none' } })));
}
