import { randomBytes } from 'node:crypto';
import type { Express, NextFunction, Request, Response } from 'express';
import { metaError } from './errors.js';
import { validateSendBody } from './validate.js';

/** Meta's cap on requests in one `items_batch` call. */
export const ITEMS_BATCH_MAX = 5000;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

interface ItemError {
  line: number;
  id: string;
  message: string;
}

interface Batch {
  handle: string;
  errors: ItemError[];
  /** Status checks so far: the first answers `in_progress`, like Meta while it ingests. */
  checks: number;
}

export interface EmulatedCatalogs {
  /** catalog id → retailer id → the item's fields as last accepted. */
  items: Map<string, Map<string, Obj>>;
}

const AVAILABILITY = ['in stock', 'out of stock', 'preorder', 'available for order', 'discontinued'];
const CONDITION = ['new', 'refurbished', 'used'];
/** "48200.00 INR": a number with "." for decimals, a space, the ISO 4217 code. */
const PRICE = /^\d+(\.\d{1,2})? [A-Z]{3}$/;
const URL_RE = /^https?:\/\/\S+$/i;

/** Why Meta would refuse a CREATE/UPDATE item's data, in its words; [] when accepted. */
export function itemErrors(method: string, data: Obj): string[] {
  const out: string[] = [];
  const s = (k: string) => (typeof data[k] === 'string' ? (data[k] as string) : undefined);
  const id = s('id');
  if (!id) return ['Required field id is missing.'];
  if (Array.from(id).length > 100) out.push('id is too long: the maximum is 100 characters.');
  if (method === 'DELETE') return out;
  const title = s('title');
  if (!title) out.push('Required field title is missing.');
  else if (Array.from(title).length > 200) out.push(`title is too long: ${Array.from(title).length} characters, the maximum is 200.`);
  const description = s('description');
  if (!description) out.push('Required field description is missing.');
  else if (Array.from(description).length > 9999) out.push('description is too long: the maximum is 9999 characters.');
  if (!AVAILABILITY.includes(s('availability') ?? '')) out.push(`Invalid availability "${String(data.availability)}": use one of ${AVAILABILITY.join(', ')}.`);
  if (!CONDITION.includes(s('condition') ?? '')) out.push(`Invalid condition "${String(data.condition)}": use one of ${CONDITION.join(', ')}.`);
  const price = s('price');
  if (!price) out.push('Required field price is missing.');
  else if (!PRICE.test(price)) out.push(`Invalid price format "${price}": use a number and an ISO 4217 currency code, e.g. "48200.00 INR".`);
  const image = s('image_link');
  if (!image) out.push('Required field image_link is missing.');
  else if (!URL_RE.test(image)) out.push(`image_link "${image}" is not a valid http(s) URL.`);
  const link = s('link');
  if (data.link !== undefined && (!link || !URL_RE.test(link))) out.push(`link "${String(data.link)}" is not a valid http(s) URL.`);
  return out;
}

interface Hooks {
  authorised(req: Request): boolean;
  record(req: Request, body: unknown, status: number): void;
}

/**
 * The Commerce catalog endpoints the catalog sync uses — `POST /{catalog-id}/items_batch`,
 * `GET /{catalog-id}/check_batch_request_status`, `GET /{catalog-id}/products` — with Meta's item
 * validation; and a check in front of `/messages` that refuses a product or product list naming a
 * retailer id the catalog does not have (131009). Only catalogs fed through items_batch are
 * checked: a message naming a catalog the emulator never saw is left to the usual validation.
 */
export function registerCatalog(app: Express, hooks: Hooks): EmulatedCatalogs {
  const items = new Map<string, Map<string, Obj>>();
  const batches = new Map<string, Batch>();
  const catalog = (id: string) => {
    let c = items.get(id);
    if (!c) items.set(id, (c = new Map()));
    return c;
  };
  const fail = (req: Request, res: Response, body: unknown, i: Parameters<typeof metaError>[0]) => {
    const e = metaError(i);
    hooks.record(req, body, e.status);
    res.status(e.status).json(e.body);
  };
  const parse = (req: Request): unknown => {
    const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  };

  app.post('/:version/:catalogId/items_batch', (req, res) => {
    const body = parse(req);
    if (!hooks.authorised(req)) return fail(req, res, body, { code: 190 });
    if (!isObj(body)) return fail(req, res, body, { code: 100, message: '(#100) The request body must be JSON.' });
    if (body.item_type !== 'PRODUCT_ITEM') return fail(req, res, body, { code: 100, message: '(#100) param item_type must be one of {PRODUCT_ITEM, …}' });
    if (!Array.isArray(body.requests) || body.requests.length === 0) return fail(req, res, body, { code: 100, message: '(#100) The parameter requests is required' });
    if (body.requests.length > ITEMS_BATCH_MAX) {
      return fail(req, res, body, { code: 100, message: `(#100) Too many requests in the batch: ${body.requests.length}. The maximum is ${ITEMS_BATCH_MAX}.` });
    }
    const c = catalog(String(req.params.catalogId));
    const errors: ItemError[] = [];
    body.requests.forEach((r: unknown, line) => {
      const request = isObj(r) ? r : {};
      const method = String(request.method ?? '');
      const data = isObj(request.data) ? request.data : {};
      const id = typeof data.id === 'string' ? data.id : '';
      if (!['CREATE', 'UPDATE', 'DELETE'].includes(method)) return errors.push({ line, id, message: `Invalid method "${method}": use CREATE, UPDATE or DELETE.` });
      const problems = itemErrors(method, data);
      if (problems.length) return errors.push(...problems.map((message) => ({ line, id, message })));
      if (method === 'DELETE') c.delete(id);
      else if (method === 'CREATE' && c.has(id)) errors.push({ line, id, message: `An item with retailer id ${id} already exists; use UPDATE.` });
      else c.set(id, method === 'UPDATE' ? { ...(c.get(id) ?? {}), ...data } : { ...data });
    });
    const handle = `Ac${randomBytes(24).toString('base64url')}`;
    batches.set(handle, { handle, errors, checks: 0 });
    hooks.record(req, body, 200);
    res.json({ handles: [handle], validation_status: [] });
  });

  app.get('/:version/:catalogId/check_batch_request_status', (req, res) => {
    if (!hooks.authorised(req)) return fail(req, res, null, { code: 190 });
    const batch = batches.get(String(req.query.handle ?? ''));
    if (!batch) return fail(req, res, null, { code: 100, message: '(#100) Invalid handle' });
    batch.checks += 1;
    hooks.record(req, null, 200);
    if (batch.checks === 1) return res.json({ data: [{ handle: batch.handle, status: 'in_progress', errors_total_count: 0, errors: [], warnings: [] }] });
    res.json({
      data: [{
        handle: batch.handle, status: 'finished', errors_total_count: batch.errors.length, errors: batch.errors, warnings: [],
        ...(req.query.load_ids_of_invalid_requests === 'true' ? { ids_of_invalid_requests: [...new Set(batch.errors.map((e) => e.id))] } : {}),
      }],
    });
  });

  app.get('/:version/:catalogId/products', (req, res) => {
    if (!hooks.authorised(req)) return fail(req, res, null, { code: 190 });
    const all = [...(items.get(String(req.params.catalogId))?.keys() ?? [])];
    const limit = Math.min(Math.max(Number(req.query.limit) || 25, 1), 1000);
    const start = Number(req.query.after ?? 0) || 0;
    const page = all.slice(start, start + limit).map((retailerId, i) => ({ id: String(9_000_000_000_000 + start + i), retailer_id: retailerId }));
    const end = start + page.length;
    hooks.record(req, null, 200);
    res.json({ data: page, paging: { cursors: { before: String(start), after: String(end) }, ...(end < all.length ? { next: `${req.protocol}://${req.get('host')}${req.path}?limit=${limit}&after=${end}` } : {}) } });
  });

  app.post('/:version/:phoneNumberId/messages', (req: Request, res: Response, next: NextFunction) => {
    const body = parse(req);
    if (!hooks.authorised(req) || validateSendBody(body) !== null) return next();
    const interactive = (body as Obj).interactive;
    if (!isObj(interactive) || !isObj(interactive.action)) return next();
    const action = interactive.action;
    const c = typeof action.catalog_id === 'string' ? items.get(action.catalog_id) : undefined;
    if (!c || (interactive.type !== 'product' && interactive.type !== 'product_list')) return next();
    const ids = interactive.type === 'product'
      ? [String(action.product_retailer_id)]
      : (action.sections as Obj[]).flatMap((s) => (s.product_items as Obj[]).map((it) => String(it.product_retailer_id)));
    const missing = ids.filter((id) => !c.has(id));
    if (!missing.length) return next();
    fail(req, res, body, { code: 131009, details: `Products not found in FB Catalog: ${missing.join(', ')}` });
  });

  return { items };
}
