import type { WaError } from '../../contracts/index.js';
import { list, num, obj, str } from './read.js';

/** `errors[]` on a message, a status or a change: `{code, title, message, error_data: {details}, href}`. */
export function parseErrors(v: unknown): WaError[] {
  return list(v).flatMap((e) => {
    const o = obj(e);
    if (!o) return [];
    const code = num(o.code);
    return [{
      code: code !== null && Number.isInteger(code) ? code : null,
      title: str(o.title),
      message: str(o.message),
      details: str(obj(o.error_data)?.details),
      href: str(o.href),
    }];
  });
}
