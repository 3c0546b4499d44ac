export { type Embedder, cosine } from './embeddings/embedder.js';
export { createEmbedder, lexiconTerms, type EmbedderConfig } from './embeddings/factory.js';
export { createOfflineEmbedder, OFFLINE_DIMENSIONS } from './embeddings/offline.js';
export { createMistralEmbedder, MISTRAL_EMBED_MODEL, MISTRAL_EMBED_DIMENSIONS } from './embeddings/mistral.js';
export type { ChatMessage, Model, ModelRequest, ModelResponse, TokenUsage, ToolCall, ToolDefinition, TurnContext, ThreadMemory } from './model.js';
export { runToolLoop, DEFAULT_MAX_STEPS, TOOL_FAILED_TEXT, type ToolLoopOptions, type ToolLoopResult } from './tool-loop.js';
export { createMistralModel, MISTRAL_CHAT_MODEL, BAD_KEY_MESSAGE, type MistralModelOptions } from './mistral/index.js';
export { createModel, modelFromSettings, providerSetting, BRAIN_PROVIDERS, BRAIN_PROVIDER_SETTING, BRAIN_CHAT_MODEL_SETTING, type BrainProvider, type ModelConfig, type ModelSettings } from './models.js';
export { createOfflineModel, OFFLINE_MODEL, classifyIntent, readIntent, INTENTS, type Intent, type IntentReading } from './offline/index.js';
