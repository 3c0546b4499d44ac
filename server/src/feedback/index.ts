/** The feedback domain's public face: ratings from the feedback Flow or a plain message, per agent and month. */
import type { Db } from '../db/index.js';
import type { DomainModule } from '../domains.js';
import { feedbackRepo } from './feedback.repo.js';
import { feedbackRoutes } from './feedback.routes.js';
import { createFeedbackService, type FeedbackDeps } from './feedback.service.js';

export { createFeedbackService, type FeedbackService, type FeedbackDeps } from './feedback.service.js';
export { parseFeedback, type ParsedFeedback } from './feedback.parse.js';

/** The service (`record` for the feedback Flow, `fromMessage` for the engine) and its routes. */
export function createFeedback(deps: Omit<FeedbackDeps, 'repo'> & { db: Db }) {
  const { db, ...rest } = deps;
  const service = createFeedbackService({ ...rest, repo: feedbackRepo(db) });
  const module: DomainModule = { name: 'feedback', adminRouters: [feedbackRoutes(service)] };
  return { service, module };
}
