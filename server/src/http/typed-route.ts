import type { Request, Router } from 'express';
import type { z } from 'zod';
import { DomainError, fieldErrors } from '../shared/errors.js';

interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  request: z.ZodType;
  response: z.ZodType;
}

/**
 * Registers one operation of the shared `api` table: the body is validated with the operation's
 * request schema (errors become field messages), the handler's result with its response schema.
 * Route files stay a line or two per operation.
 */
export function route<O extends Operation>(
  router: Router,
  op: O,
  handler: (input: { body: z.output<O['request']>; params: Record<string, string>; req: Request }) => z.input<O['response']> | Promise<z.input<O['response']>>,
): void {
  const method = op.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  router[method](op.path.replace(/^\/api/, ''), async (req, res) => {
    let body: unknown = undefined;
    if (op.method !== 'GET' && op.method !== 'DELETE') {
      const parsed = op.request.safeParse(req.body);
      if (!parsed.success) throw new DomainError('validation', 'The request is not valid', fieldErrors(parsed.error.issues));
      body = parsed.data;
    }
    const result = await handler({ body: body as z.output<O['request']>, params: req.params as Record<string, string>, req });
    res.json(op.response.parse(result));
  });
}
