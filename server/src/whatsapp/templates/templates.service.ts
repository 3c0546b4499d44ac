import type { Logger } from 'pino';
import { TemplateSendSchema, type Contact, type Template, type TemplateList } from '../../contracts/index.js';
import { DomainError, fieldErrors } from '../../shared/errors.js';
import { templateMessage, type GraphMessage, type TemplateButtonInput } from '../messages/index.js';
import { templateInfo } from './template-info.js';
import type { templatesRepo, TemplateRow } from './templates.repo.js';

export interface TemplatesConnection {
  graphUrl: string;
  apiVersion: string;
  accessToken: string | undefined;
  wabaId: string;
}

export interface TemplatesDeps {
  repo: ReturnType<typeof templatesRepo>;
  log: Logger;
  connection: () => TemplatesConnection;
  contacts: { get(id: number): Pick<Contact, 'id' | 'phone' | 'waId' | 'userId'> };
  outbox: () => { enqueue(input: { contactId?: number | null; payload: GraphMessage; correlationId?: string | null }): { id: string } } | null;
  fetch?: typeof fetch;
  clock?: () => Date;
}

const MAX_PAGES = 20;

/**
 * The store's message templates: listed from Meta (`GET /{waba-id}/message_templates`, every page),
 * cached in SQLite, and sent — approved ones only, with exactly the variables they take — through
 * the outbox. `get(name)` is for the other domains (reminders, coupons).
 */
export function createTemplatesService(deps: TemplatesDeps) {
  const doFetch = deps.fetch ?? fetch;
  const clock = deps.clock ?? (() => new Date());

  function list(): TemplateList {
    return { templates: deps.repo.list().map(templateInfo), fetchedAt: deps.repo.fetchedAt() };
  }

  async function refresh(): Promise<TemplateList> {
    const c = deps.connection();
    if (!c.accessToken || !c.wabaId) {
      throw new DomainError('not_configured', `Templates are listed from your WhatsApp Business Account: the ${!c.accessToken ? 'access token' : 'WhatsApp Business Account id'} is missing (Settings → WhatsApp)`);
    }
    const rows: TemplateRow[] = [];
    const at = clock().toISOString();
    let url: string | null = `${c.graphUrl.replace(/\/+$/, '')}/${c.apiVersion}/${c.wabaId}/message_templates?fields=id,name,language,status,category,components&limit=100`;
    for (let page = 0; url && page < MAX_PAGES; page += 1) {
      let res: Response;
      let text: string;
      try {
        res = await doFetch(url, { headers: { authorization: `Bearer ${c.accessToken}` }, signal: AbortSignal.timeout(20_000) });
        text = await res.text();
      } catch (err) {
        throw new DomainError('unavailable', `Meta could not be reached to list the templates: ${err instanceof Error ? err.message : String(err)}`);
      }
      let json: { data?: unknown[]; paging?: { next?: string }; error?: { message?: string } };
      try {
        json = JSON.parse(text) as typeof json;
      } catch {
        throw new DomainError('unavailable', `Meta answered the template list with HTTP ${res.status} and no JSON`);
      }
      if (!res.ok) throw new DomainError('unavailable', `Meta refused the template list: ${json.error?.message ?? `HTTP ${res.status}`}`);
      for (const t of json.data ?? []) {
        const o = t as Record<string, unknown>;
        if (typeof o.name !== 'string' || typeof o.language !== 'string') continue;
        rows.push({
          id: String(o.id ?? `${o.name}:${o.language}`),
          name: o.name,
          language: o.language,
          status: String(o.status ?? 'UNKNOWN'),
          category: String(o.category ?? 'UTILITY'),
          components: JSON.stringify(Array.isArray(o.components) ? o.components : []),
          fetched_at: at,
        });
      }
      url = json.paging?.next ?? null;
    }
    deps.repo.replace(rows);
    deps.log.info({ templates: rows.length }, 'message templates listed from Meta');
    return list();
  }

  function get(name: string, language?: string): Template | null {
    const row = deps.repo.get(name, language);
    return row ? templateInfo(row) : null;
  }

  /** The exact Cloud API body for an approved template with its variables; refuses anything else. */
  function build(to: string, t: Template, input: { headerText?: string | undefined; body: string[]; buttons: Record<string, string> }): GraphMessage {
    if (!t.sendable) throw new DomainError('conflict', `“${t.name}” (${t.status}) cannot be sent: ${t.refusal ?? 'it is not approved'}`);
    if (input.body.length !== t.bodyVariables) {
      throw new DomainError('validation', `“${t.name}” takes ${t.bodyVariables} body variable${t.bodyVariables === 1 ? '' : 's'}; ${input.body.length} given`, { body: `Fill in ${t.bodyVariables}` });
    }
    if (t.headerVariables && !input.headerText) throw new DomainError('validation', `“${t.name}” needs the header variable`, { headerText: 'Fill in the header' });
    const buttons: TemplateButtonInput[] = t.buttons.map((b) => {
      const value = input.buttons[String(b.index)];
      if (b.needs && !value) throw new DomainError('validation', `The “${b.text}” button needs ${b.needs === 'coupon_code' ? 'a coupon code' : 'the end of its URL'}`, { [`buttons.${b.index}`]: 'Required' });
      if (b.needs === 'coupon_code') return { type: 'copy_code', code: value as string };
      if (b.needs === 'url_suffix') return { type: 'url', suffix: value as string };
      if (b.type === 'QUICK_REPLY') return { type: 'quick_reply', payload: `${t.name}:${b.index}` };
      if (b.type === 'PHONE_NUMBER') return { type: 'phone_number' };
      return { type: 'fixed' };
    });
    try {
      return templateMessage(to, {
        name: t.name,
        language: t.language,
        ...(t.headerVariables && input.headerText ? { header: { text: input.headerText } } : {}),
        ...(input.body.length ? { body: input.body } : {}),
        ...(buttons.some((b) => b.type !== 'fixed' && b.type !== 'phone_number') ? { buttons } : {}),
      });
    } catch (err) {
      throw new DomainError('validation', err instanceof Error ? err.message : String(err));
    }
  }

  return {
    list,
    refresh,
    get,
    build,
    /** Sends an approved template to a contact through the outbox (allowed outside the 24-hour window). */
    send(raw: unknown): { outboxId: string; to: string } {
      const parsed = TemplateSendSchema.safeParse(raw);
      if (!parsed.success) throw new DomainError('validation', 'The template message is not valid', fieldErrors(parsed.error.issues));
      const input = parsed.data;
      const t = get(input.name, input.language);
      if (!t) throw new DomainError('not_found', `No template “${input.name}” in ${input.language}; refresh the list from Meta`);
      const contact = deps.contacts.get(input.contactId);
      const to = contact.phone ?? contact.waId ?? contact.userId;
      if (!to) throw new DomainError('validation', 'This contact has no WhatsApp number');
      const payload = build(to, t, input);
      const box = deps.outbox();
      if (!box) throw new DomainError('not_configured', 'WhatsApp is not set up, so nothing can be sent');
      const item = box.enqueue({ contactId: contact.id, payload, correlationId: `template:${t.name}` });
      return { outboxId: item.id, to };
    },
  };
}
export type TemplatesService = ReturnType<typeof createTemplatesService>;
