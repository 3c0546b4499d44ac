export { type Embedder, cosine } from './embeddings/embedder.js';
export { createEmbedder, lexiconTerms, type EmbedderConfig } from './embeddings/factory.js';
export { createOfflineEmbedder, OFFLINE_DIMENSIONS } from './embeddings/offline.js';
export { createMistralEmbedder, MISTRAL_EMBED_MODEL, MISTRAL_EMBED_DIMENSIONS } from './embeddings/mistral.js';
