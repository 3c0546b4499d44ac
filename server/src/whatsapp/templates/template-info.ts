import type { Template } from '../../contracts/index.js';
import type { TemplateRow } from './templates.repo.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The highest {{n}} in a text: how many positional variables it takes. */
export function countVariables(text: string | null): number {
  let max = 0;
  for (const m of (text ?? '').matchAll(/\{\{\s*(\d+)\s*\}\}/g)) max = Math.max(max, Number(m[1]));
  return max;
}

const REFUSALS: Record<string, string> = {
  PENDING: 'Meta is still reviewing this template; it can be sent once it is approved',
  REJECTED: 'Meta rejected this template; edit it in WhatsApp Manager and submit it again',
  PAUSED: 'Meta paused this template because shoppers reported or blocked it; it cannot be sent for now',
  DISABLED: 'Meta disabled this template after repeated poor feedback',
  IN_APPEAL: 'This template is in appeal at Meta; it can be sent only if the appeal approves it',
};

/** A cached row as the manager screen and the senders see it: status, variables, buttons, why not. */
export function templateInfo(row: TemplateRow): Template {
  const components = (JSON.parse(row.components) as unknown[]).filter(isObj);
  const of = (type: string) => components.find((c) => String(c.type).toUpperCase() === type);
  const header = of('HEADER');
  const headerText = header && String(header.format).toUpperCase() === 'TEXT' ? str(header.text) : null;
  const body = of('BODY');
  const bodyText = str(body?.text) ?? '';
  const example = isObj(body?.example) ? body.example : null;
  const firstRow = Array.isArray(example?.body_text) && Array.isArray(example.body_text[0]) ? (example.body_text[0] as unknown[]) : [];
  const buttons = (Array.isArray(of('BUTTONS')?.buttons) ? (of('BUTTONS')?.buttons as unknown[]) : []).filter(isObj).map((b, index) => {
    const type = String(b.type).toUpperCase();
    const needs = type === 'COPY_CODE' ? 'coupon_code' : type === 'URL' && countVariables(str(b.url)) > 0 ? 'url_suffix' : null;
    const ex = Array.isArray(b.example) ? str(b.example[0]) : str(b.example);
    return { index, type, text: str(b.text) ?? (type === 'COPY_CODE' ? 'Copy offer code' : type), needs, example: ex } as Template['buttons'][number];
  });
  const status = row.status.toUpperCase();
  const refusal = status === 'APPROVED' ? null : (REFUSALS[status] ?? `This template is ${status} at Meta; only approved templates can be sent`);
  return {
    id: row.id,
    name: row.name,
    language: row.language,
    status,
    category: row.category,
    headerText,
    headerVariables: countVariables(headerText),
    bodyText,
    bodyVariables: countVariables(bodyText),
    bodyExamples: firstRow.map((x) => String(x)),
    footerText: str(of('FOOTER')?.text),
    buttons,
    components,
    sendable: refusal === null,
    refusal,
  };
}
