import { Router } from 'express';
import { api } from '../contracts/index.js';
import { route } from '../http/index.js';
import { DomainError } from '../shared/errors.js';
import type { CrmService } from './contacts.service.js';

function intParam(raw: unknown, name: string, { min, max, fallback }: { min: number; max: number; fallback?: number }): number {
  if (raw === undefined && fallback !== undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new DomainError('validation', `${name} must be a whole number from ${min} to ${max}`);
  return n;
}

export function crmRoutes(crm: CrmService): Router {
  const r = Router();
  route(r, api.listContacts, ({ req }) =>
    crm.list({ limit: intParam(req.query.limit, 'limit', { min: 1, max: 500, fallback: 50 }), offset: intParam(req.query.offset, 'offset', { min: 0, max: 1e9, fallback: 0 }) }),
  );
  route(r, api.getContact, ({ params }) => crm.get(intParam(params.id, 'id', { min: 1, max: Number.MAX_SAFE_INTEGER })));
  return r;
}
