import { Router } from 'express';
import { knowledgeApi, knowledgeUploads } from '../contracts/index.js';
import { route } from '../http/index.js';
import { DomainError } from '../shared/errors.js';
import type { KnowledgeService } from './knowledge.service.js';
import { readUpload } from './upload.js';

const id = (params: Record<string, string>) => Number(params.id);

/** The knowledge API. Thin: the rules live in the service. */
export function knowledgeRoutes(knowledge: KnowledgeService): Router {
  const r = Router();
  const upload = knowledgeUploads.uploadKnowledgeFile;
  // Before `/sources/:id` routes, so "file" and "text" are never read as ids.
  r.post(upload.path.replace(/^\/api/, ''), async (req, res) => {
    if (req.is('application/octet-stream') !== 'application/octet-stream') throw new DomainError('unsupported_media_type', 'Send the file itself as the body, with Content-Type: application/octet-stream');
    const name = typeof req.query.name === 'string' ? req.query.name : '';
    if (!name.trim()) throw new DomainError('validation', 'Give the file name as ?name=', { name: 'Required' });
    const bytes = await readUpload(req, res, upload.maxBytes);
    res.json(upload.response.parse(await knowledge.addFile(name, bytes)));
  });
  route(r, knowledgeApi.addKnowledgeText, ({ body }) => knowledge.addText(body.name, body.text));
  route(r, knowledgeApi.addKnowledgeUrl, ({ body }) => knowledge.addUrl(body.url, { maxPages: body.maxPages }));
  route(r, knowledgeApi.listKnowledgeSources, () => ({ sources: knowledge.list() }));
  route(r, knowledgeApi.getKnowledgeSource, ({ params }) => knowledge.get(id(params)));
  route(r, knowledgeApi.reprocessKnowledgeSource, ({ params }) => knowledge.reprocess(id(params)));
  route(r, knowledgeApi.deleteKnowledgeSource, ({ params }) => {
    knowledge.remove(id(params));
    return { deleted: id(params) };
  });
  route(r, knowledgeApi.askKnowledge, ({ body }) => knowledge.ask(body.question, { limit: body.limit ?? 3 }));
  return r;
}
