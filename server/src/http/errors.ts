import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ApiError } from '../contracts/index.js';
import { DomainError } from '../shared/errors.js';

export function sendError(res: Parameters<RequestHandler>[1], err: DomainError): void {
  const body: ApiError = { error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) } };
  res.status(err.status).json(body);
}

export const notFound: RequestHandler = (req, res) => {
  sendError(res, new DomainError('not_found', `Nothing at ${req.method} ${req.path}`));
};

interface HttpishError {
  type?: string;
  status?: number;
}

/** Maps every error to `{error:{code,message}}`; internals are logged, never shown. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    if (res.headersSent) return;
    if (err instanceof DomainError) return sendError(res, err);
    const e = err as HttpishError;
    if (e.type === 'entity.too.large') return sendError(res, new DomainError('payload_too_large', 'The request body is larger than allowed'));
    if (e.type === 'entity.parse.failed') return sendError(res, new DomainError('validation', 'The request body is not valid JSON'));
    if (e.status && e.status >= 400 && e.status < 500) return sendError(res, new DomainError('validation', 'The request could not be read'));
    log.error({ err }, 'unhandled error');
    sendError(res, new DomainError('internal', 'Something went wrong on our side; the details are in the log'));
  };
}
