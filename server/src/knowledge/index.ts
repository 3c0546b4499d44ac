/**
 * knowledge — the store's own documents (policies, FAQs): sources (files, pasted text), chunks,
 * hybrid retrieval with an "answerable" threshold. Other domains import only from here.
 */
export { createKnowledge, type KnowledgeDomainDeps } from './knowledge.module.js';
export { createKnowledgeService, type KnowledgeService, type KnowledgeDeps } from './knowledge.service.js';
export { chunkText, CHUNK_TARGET, type Chunk } from './chunk.js';
export { chunkParts, type DocPart } from './parts.js';
export { sniff, MAX_SOURCE_BYTES } from './sniff.js';
export { ANSWERABLE_SCORE } from './retrieve.js';
export { knowledgeRoutes } from './knowledge.routes.js';
