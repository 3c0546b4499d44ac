import express, { Router, type Request } from 'express';
import { api, crmUploads, type Contact } from '../contracts/index.js';
import { route } from '../http/index.js';
import { DomainError } from '../shared/errors.js';
import { csvCell } from '../shared/tables/rejected-csv.js';
import type { ListQuery } from './contact-query.js';
import type { Crm } from './crm.domain.js';

function intParam(raw: unknown, name: string, { min, max, fallback }: { min: number; max: number; fallback?: number }): number {
  if ((raw === undefined || raw === '') && fallback !== undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new DomainError('validation', `${name} must be a whole number from ${min} to ${max}`);
  return n;
}
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const id = (raw: unknown) => intParam(raw, 'id', { min: 1, max: Number.MAX_SAFE_INTEGER });

/** The list's query string: q, tag, segment (id), sort, test=1. */
function listQuery(crm: Crm, req: Request): ListQuery {
  const segment = str(req.query.segment);
  return {
    q: str(req.query.q), tag: str(req.query.tag), sort: str(req.query.sort), test: req.query.test === '1' || req.query.test === 'true',
    segment: segment ? crm.segments.whereOf(id(segment)) : undefined,
  };
}

const EXPORT_COLUMNS: [string, (c: Contact) => string][] = [
  ['Name', (c) => c.name ?? ''], ['Phone', (c) => c.phone ?? ''], ['WhatsApp ID', (c) => c.waId ?? ''], ['Email', (c) => c.email ?? ''], ['City', (c) => c.city ?? ''],
  ['Birthday', (c) => c.birthday ?? ''], ['Anniversary', (c) => c.anniversary ?? ''], ['Total Spend', (c) => String(c.totalSpend)],
  ['Last Purchase', (c) => c.lastPurchaseAt?.slice(0, 10) ?? ''], ['Last Message', (c) => c.lastMessageAt ?? ''], ['Messages', (c) => String(c.messageCount)],
  ['Source', (c) => c.source], ['Opt-in', (c) => c.optIn], ['Tags', (c) => c.tags.join(', ')], ['Notes', (c) => c.notes],
];

/**
 * Contacts as CSV for Excel: quoted where needed; phones (and anything starting + = @) kept as text.
 * A file on disk starts with a byte-order mark (Excel then reads ₹ and Indian names as UTF-8).
 */
export function contactsCsv(contacts: Contact[], { bom = true } = {}): string {
  const custom = [...new Set(contacts.flatMap((c) => Object.keys(c.custom)))];
  const lines = [[...EXPORT_COLUMNS.map(([h]) => h), ...custom].map(csvCell).join(',')];
  for (const c of contacts) lines.push([...EXPORT_COLUMNS.map(([, f]) => f(c)), ...custom.map((k) => c.custom[k] ?? '')].map(csvCell).join(','));
  return `${bom ? '\ufeff' : ''}${lines.join('\r\n')}\r\n`;
}

/** Contacts, tags, the import wizard, segments and broadcasts. Thin: the rules live in the services. */
export function crmRoutes(crm: Crm): Router {
  const r = Router();
  const { contacts, imports, segments, broadcasts } = crm;
  const max = crmUploads.startContactImport.maxBytes;
  r.post(crmUploads.startContactImport.path.replace(/^\/api/, ''), (req, _res, next) => {
    // Refused before reading a byte when the size is declared over the limit.
    if (Number(req.headers['content-length'] ?? 0) > max) return next(new DomainError('payload_too_large', `The file is over ${max / 1024 / 1024} MB; split it into smaller files`));
    next();
  }, express.raw({ type: () => true, limit: max }), async (req, res) => {
    if (!Buffer.isBuffer(req.body)) throw new DomainError('unsupported_media_type', 'Send the file itself as the body');
    const name = str(req.query.name) ?? str(req.query.fileName);
    res.json(crmUploads.startContactImport.response.parse(await imports.upload(req.body, name)));
  });
  r.get('/contacts/imports/:id/rejected.csv', (req, res) => {
    const { fileName, csv } = imports.rejectedCsv(String(req.params.id));
    res.type('text/csv; charset=utf-8').attachment(`${fileName.replace(/\.(csv|xlsx)$/i, '').replace(/[^\w.-]+/g, '_')}-rejected.csv`).send(csv);
  });
  route(r, api.runContactImport, ({ req, params }) => imports.run(params.id ?? '', req.body));
  route(r, api.getContactImport, ({ params }) => imports.get(params.id ?? ''));
  r.get('/contacts/export.csv', (req, res) => {
    res.type('text/csv; charset=utf-8').attachment('contacts.csv').send(contactsCsv(contacts.all(listQuery(crm, req))));
  });
  // The grid's own filtered rows: the browser saves the text (it adds the byte-order mark).
  route(r, api.exportContacts, ({ body }) => {
    const list = contacts.byIds(body.ids);
    return { fileName: 'contacts-filtered.csv', count: list.length, csv: contactsCsv(list, { bom: false }) };
  });
  route(r, api.bulkTagContacts, ({ req }) => contacts.tags.bulk(req.body));
  route(r, api.listContacts, ({ req }) =>
    contacts.list({ ...listQuery(crm, req), limit: intParam(req.query.limit, 'limit', { min: 1, max: 1000, fallback: 50 }), offset: intParam(req.query.offset, 'offset', { min: 0, max: 1e9, fallback: 0 }) }),
  );
  route(r, api.getContact, ({ params }) => contacts.get(id(params.id)));
  route(r, api.createContact, ({ req }) => contacts.create(req.body));
  route(r, api.updateContact, ({ req, params }) => contacts.update(id(params.id), req.body));
  route(r, api.listTags, () => contacts.tags.list());
  route(r, api.renameTag, ({ req }) => contacts.tags.rename(req.body));
  route(r, api.mergeTags, ({ req }) => contacts.tags.merge(req.body));
  route(r, api.banTag, ({ req }) => contacts.tags.ban(req.body));
  route(r, api.countSegment, ({ req }) => segments.count(req.body));
  route(r, api.listSegments, () => segments.list());
  route(r, api.createSegment, ({ req }) => segments.create(req.body));
  route(r, api.updateSegment, ({ req, params }) => segments.update(id(params.id), req.body));
  route(r, api.deleteSegment, ({ params }) => segments.delete(id(params.id)));
  route(r, api.broadcastToSegment, ({ req, params }) => broadcasts.send(id(params.id), req.body));
  route(r, api.listBroadcasts, () => broadcasts.list());
  return r;
}
