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
  /** For a website (kind `url`): the address the owner gave; null for files and pasted text. */
  url: z.string().nullable(),
  /** While a source is queued or processing: how far along it is ("Reading page 3 of 12"). Null otherwise. */
  progress: z
    .object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative().nullable(), message: z.string() })
    .nullable(),
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
/** A website to read: the pages about the store (About, FAQ, Shipping, Returns, Contact…) on that one domain. */
export const KnowledgeUrlSchema = z.object({
  url: z.string().trim().url({ error: 'Give the full address, like https://yourstore.in' }),
  /** The most pages to read (default 25). */
  maxPages: z.number().int().min(1).max(200).optional(),
});
export const KnowledgeAskSchema = z.object({
  question: z.string().trim().min(1, { error: 'Ask a question' }).max(500),
  limit: z.number().int().min(1).max(10).optional(),
});

/** The knowledge API: the Knowledge screen in Agent Studio, the CLI and the agent's answer tool use it. */
export const knowledgeApi = {
  listKnowledgeSources: { method: 'GET', path: '/api/knowledge/sources', request: z.void(), response: KnowledgeSourceListSchema },
  getKnowledgeSource: { method: 'GET', path: '/api/knowledge/sources/:id', request: z.void(), response: KnowledgeSourceSchema },
  addKnowledgeText: { method: 'POST', path: '/api/knowledge/sources/text', request: KnowledgeTextSchema, response: KnowledgeSourceSchema },
  /** Starts reading a website and returns at once (status queued); `knowledge.source` live messages report progress. */
  addKnowledgeUrl: { method: 'POST', path: '/api/knowledge/sources/url', request: KnowledgeUrlSchema, response: KnowledgeSourceSchema },
  /** Indexes a file or text again; for a website, reads the site again (re-scrape), in the background like adding it. */
  reprocessKnowledgeSource: { method: 'POST', path: '/api/knowledge/sources/:id/reprocess', request: z.object({}).default({}), response: KnowledgeSourceSchema },
  deleteKnowledgeSource: { method: 'DELETE', path: '/api/knowledge/sources/:id', request: z.void(), response: z.object({ deleted: z.number().int() }) },
  askKnowledge: { method: 'POST', path: '/api/knowledge/ask', request: KnowledgeAskSchema, response: KnowledgeAnswerSchema },
} as const;

/**
 * File upload: the file itself as the body (`application/octet-stream`), its name in `?name=`.
 * Returns once indexed; an unreadable file comes back as a `failed` source with the reason.
 */
export const knowledgeUploads = {
  uploadKnowledgeFile: { method: 'POST', path: '/api/knowledge/sources/file', maxBytes: 25 * 1024 * 1024, response: KnowledgeSourceSchema },
} as const;
