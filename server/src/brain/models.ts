import type { Logger } from 'pino';
import { DomainError } from '../shared/errors.js';
import type { SettingsService } from '../settings/index.js';
import { createMistralModel } from './mistral/index.js';
import type { Model } from './model.js';
import { createOfflineModel } from './offline/index.js';

export const BRAIN_PROVIDERS = ['auto', 'offline', 'mistral'] as const;
export type BrainProvider = (typeof BRAIN_PROVIDERS)[number];

/** Setting (not secret) choosing the brain; absent or unknown means 'auto'. */
export const BRAIN_PROVIDER_SETTING = 'brain.provider';
/** Optional setting naming the Mistral chat model (default mistral-small-latest). */
export const BRAIN_CHAT_MODEL_SETTING = 'brain.chatModel';

export interface ModelConfig {
  /** auto (default): Mistral when a key is set, else offline. */
  provider?: BrainProvider | undefined;
  mistralApiKey?: string | undefined;
  /** Origin of a Mistral-compatible server (tests, proxies). */
  mistralServerUrl?: string | undefined;
  /** Mistral chat model name. */
  chatModel?: string | undefined;
  /** Where Mistral's retries are logged (warn). */
  log?: Pick<Logger, 'warn'> | undefined;
}

/** The one place that picks the chat brain. Asking for Mistral without a key is a configuration error. */
export function createModel(config: ModelConfig = {}): Model {
  const provider = config.provider ?? 'auto';
  const key = config.mistralApiKey?.trim();
  if (provider === 'offline' || (provider === 'auto' && !key)) return createOfflineModel();
  if (!key) throw new DomainError('not_configured', 'The Mistral brain needs an API key: add it in Settings → WhatsApp → Mistral key');
  return createMistralModel({
    apiKey: key,
    ...(config.mistralServerUrl ? { serverUrl: config.mistralServerUrl } : {}),
    ...(config.chatModel ? { model: config.chatModel } : {}),
    ...(config.log ? { onRetry: (r) => config.log?.warn({ ...r, provider: 'mistral' }, 'Mistral chat request failed; retrying') } : {}),
  });
}

export type ModelSettings = Pick<SettingsService, 'readSecret' | 'getValue'>;

/** The `brain.provider` setting, or 'auto' when absent or not one of the providers. */
export function providerSetting(settings: Pick<SettingsService, 'getValue'>): BrainProvider {
  const value = settings.getValue(BRAIN_PROVIDER_SETTING);
  return (BRAIN_PROVIDERS as readonly unknown[]).includes(value) ? (value as BrainProvider) : 'auto';
}

const cache = new WeakMap<object, { signature: string; model: Model }>();

/**
 * The brain the store's settings ask for: the `mistral.apiKey` secret and the optional
 * `brain.provider` / `brain.chatModel` settings. Cheap to call per turn: the same Model comes back
 * until a setting changes. 'mistral' without a key answers offline rather than not at all.
 */
export function modelFromSettings(settings: ModelSettings, opts: { mistralServerUrl?: string | undefined; log?: Pick<Logger, 'warn'> | undefined } = {}): Model {
  const key = settings.readSecret('mistral.apiKey')?.trim() || undefined;
  const chatModel = settings.getValue(BRAIN_CHAT_MODEL_SETTING);
  let provider = providerSetting(settings);
  if (provider === 'mistral' && !key) provider = 'offline';
  const config: ModelConfig = {
    provider,
    mistralApiKey: key,
    mistralServerUrl: opts.mistralServerUrl,
    chatModel: typeof chatModel === 'string' && chatModel.trim() ? chatModel.trim() : undefined,
  };
  const signature = JSON.stringify(config);
  const hit = cache.get(settings);
  if (hit?.signature === signature) return hit.model;
  const model = createModel({ ...config, log: opts.log });
  cache.set(settings, { signature, model });
  return model;
}
