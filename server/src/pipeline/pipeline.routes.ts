import { Router } from 'express';
import { pipelineApi } from '../contracts/index.js';
import { route } from '../http/index.js';
import { DomainError } from '../shared/errors.js';
import type { PipelineService } from './pipeline.service.js';

const id = (params: Record<string, string>) => Number(params.id);

/** The pipeline API. Thin: the rules live in the service. `GET /api/deals` filters by query. */
export function pipelineRoutes(pipeline: PipelineService): Router {
  const r = Router();
  route(r, pipelineApi.listDeals, ({ req }) => {
    const q = pipelineApi.listDeals.query.safeParse(req.query);
    if (!q.success) throw new DomainError('validation', `Bad filter: ${q.error.issues[0]?.path.join('.')} ${q.error.issues[0]?.message}`);
    return pipeline.list(q.data);
  });
  route(r, pipelineApi.getPipelineSummary, () => pipeline.summary());
  route(r, pipelineApi.getDeal, ({ params }) => pipeline.get(id(params)));
  route(r, pipelineApi.createDeal, ({ body }) => pipeline.create(body));
  route(r, pipelineApi.updateDeal, ({ body, params }) => pipeline.update(id(params), body));
  route(r, pipelineApi.moveDeal, ({ body, params }) => pipeline.move(id(params), body));
  route(r, pipelineApi.deleteDeal, ({ params }) => pipeline.delete(id(params)));
  return r;
}
