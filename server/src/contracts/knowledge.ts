import { z } from 'zod';

/** The store's documents the agent answers policy questions from (issue #5). */
export const KNOWLEDGE_SOURCE_KINDS = ['file', 'text', 'url'] as const;
export const KNOWLEDGE_SOURCE_STATUSES = ['queued', 'processing', 'ready', 'failed'] as const;

export const KnowledgeSourceSchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  kind: z.enum(KNOWLEDGE_SOURCE_KINDS),
  mime: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string(),
  status: z.enum(KNOWLEDGE_SOURCE_STATUSES),
  /** Why the source could not be read ("PDF files are not supported yet"); null unless failed. */
  error: z.string().nullable(),
  chunks: z.number().int().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type KnowledgeSource = z.infer<typeof KnowledgeSourceSchema>;

export const KnowledgePassageSchema = z.object({
  text: z.string(),
  /** The source's name ("returns-and-exchange.md"). */
  source: z.string(),
  /** Its heading path ("Returns and Exchange › 7-day return for a refund") or "paragraph N". */
  location: z.string(),
  /** How well the passage covers the question, 0–1. */
  score: z.number(),
});

/** `ask`: passages best first; answerable false when the documents do not cover the question. */
export const KnowledgeAnswerSchema = z.object({
  answerable: z.boolean(),
  passages: z.array(KnowledgePassageSchema),
});
export type KnowledgeAnswer = z.infer<typeof KnowledgeAnswerSchema>;

export const KnowledgeSourceListSchema = z.object({ sources: z.array(KnowledgeSourceSchema) });
export const KnowledgeTextSchema = z.object({
  name: z.string().trim().min(1, { error: 'Give the text a name' }).max(200),
  text: z.string().min(1, { error: 'Paste some text' }).max(10 * 1024 * 1024),
});
export const KnowledgeAskSchema = z.object({
  question: z.string().trim().min(1, { error: 'Ask a question' }).max(500),
  limit: z.number().int().min(1).max(10).optional(),
});

/** The knowledge API (the Knowledge screen comes later; the CLI and tests use it now). */
export const knowledgeApi = {
  listKnowledgeSources: { method: 'GET', path: '/api/knowledge/sources', request: z.void(), response: KnowledgeSourceListSchema },
  getKnowledgeSource: { method: 'GET', path: '/api/knowledge/sources/:id', request: z.void(), response: KnowledgeSourceSchema },
  addKnowledgeText: { method: 'POST', path: '/api/knowledge/sources/text', request: KnowledgeTextSchema, response: KnowledgeSourceSchema },
  reprocessKnowledgeSource: { method: 'POST', path: '/api/knowledge/sources/:id/reprocess', request: z.object({}).default({}), response: KnowledgeSourceSchema },
  deleteKnowledgeSource: { method: 'DELETE', path: '/api/knowledge/sources/:id', request: z.void(), response: z.object({ deleted: z.number().int() }) },
  askKnowledge: { method: 'POST', path: '/api/knowledge/ask', request: KnowledgeAskSchema, response: KnowledgeAnswerSchema },
} as const;

/**
 * File upload: the file itself as the body (`application/octet-stream`), its name in `?name=`.
 * Returns once indexed; an unreadable file comes back as a `failed` source with the reason.
 */
export const knowledgeUploads = {
  uploadKnowledgeFile: { method: 'POST', path: '/api/knowledge/sources/file', maxBytes: 10 * 1024 * 1024, response: KnowledgeSourceSchema },
} as const;
