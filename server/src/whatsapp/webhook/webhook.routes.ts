import express, { Router, type NextFunction, type Response } from 'express';
import type { Logger } from 'pino';
import { api, type WebhookOutcome } from '../../contracts/index.js';
import { route } from '../../http/index.js';
import { DomainError } from '../../shared/errors.js';
import type { DeliveryLog } from './deliveries.js';
import { WebhookBodyError } from './parse.js';
import { parseSignatureHeader, safeEqual, verifyWebhookSignature } from './signature.js';

export const WEBHOOK_PATH = '/webhooks/whatsapp';
/** Meta's bodies reach about 3 MB; anything larger is refused before it is read. */
export const WEBHOOK_BODY_LIMIT = '3mb';

export interface WebhookDeps {
  secrets: () => { appSecret: string | undefined; verifyToken: string | undefined };
  /** Stores a verified body durably, resolving once committed (rejects with WebhookBodyError when unreadable). */
  ingest: (raw: Buffer) => Promise<{ messages: number; newMessages: number; statuses: number; preferences: number }>;
  deliveries: DeliveryLog;
  log: Logger;
}

/** One warning per kind of refusal per minute: the public URL can be hammered, the log must not be. */
function throttledWarn(log: Logger) {
  const last = new Map<string, number>();
  return (kind: string, message: string) => {
    const now = Date.now();
    if (now - (last.get(kind) ?? 0) < 60_000) return;
    last.set(kind, now);
    log.warn({ kind }, message);
  };
}

const REFUSAL_LOG: Partial<Record<WebhookOutcome, string>> = {
  no_secret: 'WhatsApp webhook refused: no app secret is set (Settings → WhatsApp, or REVIVE_WA_APP_SECRET), so no signature can be checked',
  missing_signature: 'WhatsApp webhook refused: no X-Hub-Signature-256 header',
  bad_signature: 'WhatsApp webhook refused: the X-Hub-Signature-256 signature does not match the app secret',
  bad_json: 'WhatsApp webhook refused: a signed body that is not JSON',
  bad_shape: 'WhatsApp webhook refused: a signed body that is not a webhook payload',
};

/**
 * `/webhooks/whatsapp` on the public listener. GET answers Meta's subscription handshake. POST
 * checks the signature over the raw bytes (nothing is stored without a valid one), stores the
 * body in one transaction and answers 200 at once; processing happens after.
 */
export function webhookRoutes(deps: WebhookDeps): Router {
  const r = Router();
  const warn = throttledWarn(deps.log);
  // The raw bytes on this route only (the signature covers them exactly), never inflated.
  const rawBody = express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT, inflate: false });

  r.get(WEBHOOK_PATH, (req, res) => {
    const { 'hub.mode': mode, 'hub.verify_token': token, 'hub.challenge': challenge } = req.query;
    const expected = deps.secrets().verifyToken;
    if (mode === 'subscribe' && typeof token === 'string' && typeof challenge === 'string' && challenge.length <= 512 && expected && safeEqual(token, expected)) {
      res.status(200).type('text/plain').send(challenge);
      return;
    }
    warn('verify', expected ? 'WhatsApp webhook verification refused: wrong verify token' : 'WhatsApp webhook verification refused: no verify token is set');
    res.status(403).type('text/plain').send('Forbidden');
  });

  r.post(WEBHOOK_PATH, (req, res, next) => {
    const refuse = (outcome: WebhookOutcome, err: DomainError | Error & { status?: number }, bytes: number | null = null) => {
      deps.deliveries.record({ outcome, httpStatus: err instanceof DomainError ? err.status : (err.status ?? 400), bytes });
      const message = REFUSAL_LOG[outcome];
      if (message) warn(outcome, message);
      next(err);
    };
    const unauthorized = () => new DomainError('unauthorized', 'The webhook signature is missing or wrong');
    const { appSecret } = deps.secrets();
    if (!appSecret) return refuse('no_secret', unauthorized());
    const header = req.get('x-hub-signature-256');
    const signature = parseSignatureHeader(header);
    if (!signature) return refuse(header === undefined ? 'missing_signature' : 'bad_signature', unauthorized());

    rawBody(req, res, (err?: unknown) => {
      if (err) {
        const e = err as Error & { type?: string; status?: number };
        return refuse(e.type === 'entity.too.large' ? 'too_large' : 'unreadable', e);
      }
      const body: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (!verifyWebhookSignature(body, signature, appSecret)) return refuse('bad_signature', unauthorized(), body.length);
      stored(body, res, next);
    });
  });

  function stored(body: Buffer, res: Response, next: NextFunction): void {
    deps.ingest(body).then(
      (result) => {
        deps.deliveries.record({ outcome: 'stored', httpStatus: 200, bytes: body.length, ...result });
        res.status(200).type('text/plain').send('OK');
      },
      (err: unknown) => {
        if (!(err instanceof WebhookBodyError)) return next(err);
        deps.deliveries.record({ outcome: err.outcome, httpStatus: 400, bytes: body.length });
        warn(err.outcome, REFUSAL_LOG[err.outcome] ?? err.message);
        next(new DomainError('validation', err.message));
      },
    );
  }

  return r;
}

/** The admin view of the webhook: last deliveries and refusals, for Settings → WhatsApp. */
export function deliveriesRoutes(deps: { secrets: WebhookDeps['secrets']; deliveries: DeliveryLog; payloadStats: () => { n: number; last: string | null } }): Router {
  const r = Router();
  route(r, api.webhookDeliveries, ({ req }) => {
    const limit = Math.min(200, Math.max(1, Number.parseInt(String(req.query.limit ?? '50'), 10) || 50));
    const stats = deps.payloadStats();
    return {
      appSecretSet: Boolean(deps.secrets().appSecret), since: deps.deliveries.since, counts: deps.deliveries.counts(),
      storedTotal: stats.n, lastStoredAt: stats.last, deliveries: deps.deliveries.list(limit),
    };
  });
  return r;
}
