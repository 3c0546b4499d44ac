import type { Express, Request, Response } from 'express';
import { metaError } from './errors.js';
import { validateSendBody } from './validate.js';

/** A template as Meta lists it (`GET /{waba-id}/message_templates`). */
export interface EmulatedTemplate {
  id: string;
  name: string;
  language: string;
  status: string;
  category: string;
  components: Record<string, unknown>[];
}

/** A jeweller's templates in each state Meta reports, for the demo and the tests. */
export function seedTemplates(): EmulatedTemplate[] {
  return [
    {
      id: '1000000000000101',
      name: 'appointment_reminder',
      language: 'en',
      status: 'APPROVED',
      category: 'UTILITY',
      components: [
        { type: 'BODY', text: 'Hello {{1}}, this is a reminder of your visit to our store on {{2}} at {{3}}. Reply to this message if you need to change it.', example: { body_text: [['Meera', '2 December', '11:30 AM']] } },
        { type: 'FOOTER', text: 'We look forward to seeing you' },
      ],
    },
    {
      id: '1000000000000102',
      name: 'diwali_offer',
      language: 'en',
      status: 'APPROVED',
      category: 'MARKETING',
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Diwali offer for you' },
        { type: 'BODY', text: 'Namaste {{1}}! This Diwali, enjoy {{2}} off making charges on gold jewellery. Use the code below at the store or on WhatsApp.', example: { body_text: [['Meera', '20%']] } },
        { type: 'BUTTONS', buttons: [{ type: 'COPY_CODE', example: 'DIWALI20' }, { type: 'QUICK_REPLY', text: 'Not interested' }] },
      ],
    },
    {
      id: '1000000000000103',
      name: 'order_update',
      language: 'en',
      status: 'PENDING',
      category: 'UTILITY',
      components: [{ type: 'BODY', text: 'Hello {{1}}, your order {{2}} is {{3}}.', example: { body_text: [['Meera', '#1042', 'ready for pickup']] } }],
    },
    {
      id: '1000000000000104',
      name: 'festive_collection',
      language: 'hi',
      status: 'REJECTED',
      category: 'MARKETING',
      components: [
        { type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::aW1hZ2UvanBlZw==:ARb…'] } },
        { type: 'BODY', text: 'हमारा नया त्योहार संग्रह देखें! सबसे अच्छे दाम, सिर्फ़ इस हफ़्ते।' },
      ],
    },
  ];
}

function countVars(text: unknown): number {
  let max = 0;
  for (const m of String(text ?? '').matchAll(/\{\{\s*(\d+)\s*\}\}/g)) max = Math.max(max, Number(m[1]));
  return max;
}

/**
 * The template endpoints on the emulator: the WABA's template list, and Meta's checks on a send of
 * one of these templates — it must be APPROVED (132001), with as many body parameters as it has
 * variables (132000). Registered before the messages route (it only rejects).
 */
export function registerTemplates(
  app: Express,
  ctx: { wabaId: () => string; authorised: (req: Request) => boolean; record: (req: Request, body: unknown, status: number) => void; templates?: EmulatedTemplate[] },
): EmulatedTemplate[] {
  const templates = ctx.templates ?? seedTemplates();
  const fail = (req: Request, res: Response, body: unknown, i: Parameters<typeof metaError>[0]) => {
    const e = metaError(i);
    ctx.record(req, body, e.status);
    res.status(e.status).json(e.body);
  };

  app.get('/:version/:wabaId/message_templates', (req, res) => {
    if (!ctx.authorised(req)) return fail(req, res, null, { code: 190 });
    if (req.params.wabaId !== ctx.wabaId()) return fail(req, res, null, { code: 100, subcode: 33, message: `Unsupported get request. Object with ID '${req.params.wabaId}' does not exist.` });
    const limit = Math.min(250, Math.max(1, Number(req.query.limit) || 25));
    const after = Number(req.query.after ?? 0) || 0;
    const page = templates.slice(after, after + limit);
    const next = after + limit < templates.length ? after + limit : null;
    const base = `${req.protocol}://${req.get('host')}${req.path}`;
    const body = {
      data: page,
      paging: { cursors: { before: String(after), after: String(after + page.length) }, ...(next !== null ? { next: `${base}?limit=${limit}&after=${next}` } : {}) },
    };
    ctx.record(req, null, 200);
    res.json(body);
  });

  app.post('/:version/:phoneNumberId/messages', (req, res, next) => {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '') as Record<string, unknown>;
    } catch {
      return next();
    }
    if (body?.type !== 'template' || typeof body.template !== 'object' || body.template === null || !ctx.authorised(req)) return next();
    const t = body.template as { name?: unknown; language?: { code?: unknown }; components?: unknown };
    const found = templates.find((x) => x.name === t.name && x.language === t.language?.code);
    // A name the emulator does not hold passes (tests and the demo send their own); malformed bodies are validate.ts's.
    if (!found || validateSendBody(body)) return next();
    if (found.status !== 'APPROVED') {
      return fail(req, res, body, { code: 132001, message: '(#132001) Template name does not exist in the translation', details: `template name (${String(t.name)}) does not exist in ${String(t.language?.code)}` });
    }
    const expected = countVars(found.components.find((c) => c.type === 'BODY')?.text);
    const components = Array.isArray(t.components) ? (t.components as { type?: string; parameters?: unknown[] }[]) : [];
    const given = components.find((c) => c.type === 'body')?.parameters?.length ?? 0;
    if (given !== expected) {
      return fail(req, res, body, { code: 132000, message: '(#132000) Number of parameters does not match the expected number of params', details: `body: number of localizable_params (${given}) does not match the expected number of params (${expected})` });
    }
    next();
  });
  return templates;
}
