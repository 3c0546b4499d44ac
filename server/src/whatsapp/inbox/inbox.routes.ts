import { Router } from 'express';
import { api, InboxStateSchema } from '../../contracts/index.js';
import { route } from '../../http/index.js';
import { DomainError } from '../../shared/errors.js';
import type { InboxService } from './inbox.service.js';

export function inboxRoutes(inbox: InboxService): Router {
  const r = Router();
  route(r, api.listInbox, ({ req }) => {
    const state = req.query.state === undefined ? undefined : InboxStateSchema.safeParse(req.query.state);
    if (state && !state.success) throw new DomainError('validation', 'state is one of received, pending, handled, failed');
    const limit = Math.min(500, Math.max(1, Number.parseInt(String(req.query.limit ?? '50'), 10) || 50));
    return { items: inbox.list({ state: state?.data, limit }) };
  });
  route(r, api.getInboxMessage, ({ params }) => inbox.get(params.wamid ?? ''));
  route(r, api.messageStatus, ({ params }) => inbox.statusOf(params.wamid ?? ''));
  return r;
}
