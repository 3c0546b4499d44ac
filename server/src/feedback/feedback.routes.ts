import { Router } from 'express';
import { feedbackApi } from '../contracts/index.js';
import { route } from '../http/index.js';
import { DomainError } from '../shared/errors.js';
import type { FeedbackService } from './feedback.service.js';

/** The feedback API. Thin: the rules live in the service. */
export function feedbackRoutes(feedback: FeedbackService): Router {
  const r = Router();
  route(r, feedbackApi.getFeedback, ({ req }) => {
    const q = feedbackApi.getFeedback.query.safeParse(req.query);
    if (!q.success) throw new DomainError('validation', `Bad filter: ${q.error.issues[0]?.path.join('.')} ${q.error.issues[0]?.message}`);
    return feedback.overview({ agent: q.data.agent, unhappy: q.data.unhappy === '1' });
  });
  route(r, feedbackApi.recordFeedback, ({ body }) => feedback.record(body));
  return r;
}
