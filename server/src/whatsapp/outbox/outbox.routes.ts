import { Router } from 'express';
import { api, OutboxQuerySchema } from '../../contracts/index.js';
import { route } from '../../http/index.js';
import { DomainError, fieldErrors } from '../../shared/errors.js';
import { normalizePhone } from '../../crm/index.js';
import { textMessage } from '../messages/index.js';
import type { Outbox } from './outbox.service.js';

export function outboxRoutes(outbox: Outbox): Router {
  const r = Router();
  route(r, api.listOutbox, ({ req }) => {
    const q = OutboxQuerySchema.safeParse(req.query);
    if (!q.success) throw new DomainError('validation', 'The outbox query is not valid', fieldErrors(q.error.issues));
    return outbox.list(q.data);
  });
  route(r, api.getOutboxItem, ({ params }) => outbox.get(String(params.id)));
  route(r, api.retryOutboxItem, ({ params }) => outbox.retry(String(params.id)));
  route(r, api.cancelOutboxItem, ({ params }) => outbox.cancel(String(params.id)));
  // People type numbers as "98765 43210": make them E.164 (India by default) before they reach the
  // builder, which would otherwise read the first digits as a country code.
  route(r, api.sendTestMessage, ({ body }) =>
    outbox.enqueue({ payload: textMessage(normalizePhone(body.to) ?? body.to, body.text), correlationId: 'settings.test-message' }),
  );
  return r;
}
