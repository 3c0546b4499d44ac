import { Router } from 'express';
import { api, SearchQuerySchema } from '../contracts/index.js';
import { route } from '../http/index.js';
import { DomainError, fieldErrors } from '../shared/errors.js';
import type { ProductSearch } from './search.service.js';

export function searchRoutes(search: ProductSearch): Router {
  const r = Router();
  route(r, api.searchProducts, ({ req }) => {
    const parsed = SearchQuerySchema.safeParse(req.query);
    if (!parsed.success) throw new DomainError('validation', 'The search is not valid', fieldErrors(parsed.error.issues));
    return search.search(parsed.data.q, { limit: parsed.data.limit });
  });
  return r;
}
