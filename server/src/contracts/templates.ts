import { z } from 'zod';

/**
 * Message templates (issue #8, part 4): the templates the store has at Meta, as listed by
 * `GET /{waba-id}/message_templates`, cached, and sent with their variables to a contact — the only
 * messages WhatsApp delivers outside the 24-hour window. Only APPROVED ones can be sent.
 */
export const TEMPLATE_STATUSES = ['APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED', 'IN_APPEAL', 'PENDING_DELETION', 'DELETED', 'LIMIT_EXCEEDED'] as const;

export const TemplateButtonInfoSchema = z.object({
  index: z.number().int(),
  /** Meta's button type: QUICK_REPLY, URL, PHONE_NUMBER, COPY_CODE, FLOW… */
  type: z.string(),
  text: z.string(),
  /** What the send must supply for this button: a URL suffix ({{1}} in the URL), a coupon code, or nothing. */
  needs: z.enum(['url_suffix', 'coupon_code']).nullable(),
  example: z.string().nullable(),
});

export const TemplateSchema = z.object({
  id: z.string(),
  name: z.string(),
  language: z.string(),
  /** As Meta reports it (APPROVED, PENDING, REJECTED, PAUSED…); any newer value is kept. */
  status: z.string(),
  category: z.string(),
  headerText: z.string().nullable(),
  /** How many {{n}} the header text takes (0 or 1). */
  headerVariables: z.number().int(),
  bodyText: z.string(),
  /** How many positional variables ({{1}}, {{2}}…) the body takes. */
  bodyVariables: z.number().int(),
  /** Examples Meta holds for the body variables, when the template has them. */
  bodyExamples: z.array(z.string()),
  footerText: z.string().nullable(),
  buttons: z.array(TemplateButtonInfoSchema),
  /** Meta's components as received. */
  components: z.array(z.record(z.string(), z.unknown())),
  sendable: z.boolean(),
  /** Why it cannot be sent, in the owner's words; null when it can. */
  refusal: z.string().nullable(),
});
export type Template = z.infer<typeof TemplateSchema>;

export const TemplateListSchema = z.object({ templates: z.array(TemplateSchema), fetchedAt: z.string().nullable() });
export type TemplateList = z.infer<typeof TemplateListSchema>;

export const TemplateSendSchema = z.object({
  contactId: z.number().int().positive(),
  name: z.string().min(1),
  language: z.string().min(1),
  headerText: z.string().max(60).optional(),
  body: z.array(z.string().trim().min(1, 'Fill in every variable').max(1024)).max(50).default([]),
  /** Per button index: the URL suffix or the coupon code (≤ 15 characters). */
  buttons: z.record(z.string(), z.string().trim().min(1)).default({}),
});
export type TemplateSend = z.input<typeof TemplateSendSchema>;
export const TemplateSentSchema = z.object({ outboxId: z.string(), to: z.string() });

export const templatesApi = {
  listTemplates: { method: 'GET', path: '/api/templates', request: z.void(), response: TemplateListSchema },
  refreshTemplates: { method: 'POST', path: '/api/templates/refresh', request: z.object({}).default({}), response: TemplateListSchema },
  sendTemplate: { method: 'POST', path: '/api/templates/send', request: TemplateSendSchema, response: TemplateSentSchema },
} as const;
