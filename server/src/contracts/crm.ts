import { z } from 'zod';

/**
 * Contacts (crm): who a shopper is on WhatsApp, their 24-hour service window, and what the store
 * knows about them (Audience issue #11: tags, imports, merges, segments).
 */
export const CONTACT_SOURCES = ['whatsapp', 'import', 'manual', 'simulator'] as const;
export const OPT_IN_STATUSES = ['opted_in', 'opted_out', 'unknown'] as const;
/** A date a jeweller sells on: "1990-05-14", or "05-14" when the year is unknown. */
export const DayOfYearSchema = z.string().regex(/^(\d{4}-)?\d{2}-\d{2}$/, { error: 'Use YYYY-MM-DD or MM-DD' });
/** Tags are shown with a leading # ("#BridalShopper") but stored without it. */
export const TagSchema = z.string().trim().regex(/^[\p{L}\p{N}][\p{L}\p{N}_-]{0,39}$/u, { error: 'A tag is one word of letters and digits (up to 40)' });

export const ContactSchema = z.object({
  id: z.number().int(),
  /** WhatsApp id: usually the phone number's digits. */
  waId: z.string().nullable(),
  /** Business-scoped user id: present even when Meta hides the phone number. */
  userId: z.string().nullable(),
  parentUserId: z.string().nullable(),
  username: z.string().nullable(),
  /** E.164, when the WhatsApp id is a phone number. */
  phone: z.string().nullable(),
  name: z.string().nullable(),
  lastInboundAt: z.string().nullable(),
  /** Free-form replies are allowed until then (24 hours after the shopper's last message); after, templates only. */
  windowOpenUntil: z.string().nullable(),
  windowOpen: z.boolean(),
  /** The shopper's latest marketing-messages choice (stop, resume, signup…), when they made one. */
  marketingPreference: z.string().nullable(),
  marketingPreferenceAt: z.string().nullable(),
  email: z.string().nullable(),
  city: z.string().nullable(),
  birthday: DayOfYearSchema.nullable(),
  anniversary: DayOfYearSchema.nullable(),
  /** Whole rupees, all purchases (imported or from orders). */
  totalSpend: z.number().int().nonnegative(),
  lastPurchaseAt: z.string().nullable(),
  /** The last message either way (the shopper's or ours). */
  lastMessageAt: z.string().nullable(),
  /** Messages the shopper sent. */
  messageCount: z.number().int().nonnegative(),
  source: z.enum(CONTACT_SOURCES),
  /** From the marketing preference (stop → opted_out), an import column, or the owner. Broadcasts skip opted_out. */
  optIn: z.enum(OPT_IN_STATUSES),
  tags: z.array(z.string()),
  notes: z.string(),
  /** Fields the owner added through an import mapping ("Ring size", "Karigar"). */
  custom: z.record(z.string(), z.string()),
  /** A shopper of the simulator or `revive chat`: hidden from the Audience and segments unless asked for. */
  isTest: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Contact = z.infer<typeof ContactSchema>;

/** Why a contact has a tag: the owner, an import, or auto-tagging (with what was said or done). */
export const ContactTagSchema = z.object({ tag: z.string(), source: z.enum(['manual', 'import', 'auto']), reason: z.string().nullable(), at: z.string() });
export const MergeRecordSchema = z.object({ at: z.string(), mergedContactId: z.number().int(), via: z.enum(['import', 'whatsapp', 'manual']), fields: z.array(z.string()) });
export const ContactDetailSchema = ContactSchema.extend({ tagDetails: z.array(ContactTagSchema), merges: z.array(MergeRecordSchema) });
export type ContactDetail = z.infer<typeof ContactDetailSchema>;

export const ContactPatchSchema = z
  .object({
    name: z.string().trim().max(200).nullable(),
    phone: z.string().trim().max(40).nullable(),
    email: z.string().trim().email({ error: 'Not an email address' }).nullable(),
    city: z.string().trim().max(100).nullable(),
    birthday: DayOfYearSchema.nullable(),
    anniversary: DayOfYearSchema.nullable(),
    optIn: z.enum(OPT_IN_STATUSES),
    tags: z.array(TagSchema).max(50),
    notes: z.string().max(5000),
    custom: z.record(z.string(), z.string()),
  })
  .partial();
export type ContactPatch = z.infer<typeof ContactPatchSchema>;
/** A contact added by hand: a phone in any common Indian form ("98765 43210", "+91-98765-43210"). */
export const ContactCreateSchema = ContactPatchSchema.extend({ phone: z.string().trim().min(5, { error: 'Give a phone number' }) });

/** The rows a filtered grid shows, in its order: what "Export CSV" saves when column filters are on. */
export const ContactExportRequestSchema = z.object({ ids: z.array(z.number().int().positive()).min(1).max(100_000) });
export const ContactExportSchema = z.object({ fileName: z.string(), count: z.number().int(), csv: z.string() });
export type ContactExport = z.infer<typeof ContactExportSchema>;

export const BulkTagSchema = z.object({
  ids: z.array(z.number().int()).min(1).max(100_000),
  add: z.array(TagSchema).default([]),
  remove: z.array(TagSchema).default([]),
});

export const TagInfoSchema = z.object({ tag: z.string(), count: z.number().int().nonnegative(), auto: z.number().int().nonnegative(), banned: z.boolean() });
export const TagListSchema = z.object({ tags: z.array(TagInfoSchema) });
export const TagRenameSchema = z.object({ from: TagSchema, to: TagSchema });
export const TagMergeSchema = z.object({ from: z.array(TagSchema).min(1), to: TagSchema });
export const TagBanSchema = z.object({ tag: TagSchema, banned: z.boolean() });

// ---------------------------------------------------------------- import wizard

/** Where a column goes: a contact field, `custom:<Name>` (a new custom field), or null (ignored). */
export const CONTACT_FIELDS = ['name', 'phone', 'email', 'city', 'birthday', 'anniversary', 'totalSpend', 'lastPurchaseAt', 'tags', 'notes', 'optIn', 'waId'] as const;
export const ContactFieldSchema = z.enum(CONTACT_FIELDS);
export const ContactMappingTargetSchema = z.union([ContactFieldSchema, z.string().regex(/^custom:.{1,60}$/)]);
export const ContactImportMappingSchema = z.record(z.string(), ContactMappingTargetSchema.nullable());
export type ContactImportMapping = z.infer<typeof ContactImportMappingSchema>;

export const ContactImportPreviewSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  headers: z.array(z.string()),
  /** The first 10 data rows as the spreadsheet shows them. */
  sampleRows: z.array(z.array(z.string())),
  suggestedMapping: ContactImportMappingSchema,
  rowCount: z.number().int().nonnegative(),
});
export type ContactImportPreview = z.infer<typeof ContactImportPreviewSchema>;

export const ContactImportRunSchema = z.object({ mapping: ContactImportMappingSchema.optional(), dryRun: z.boolean().default(false) });

/** `row` is the spreadsheet row as the user sees it (header = row 1). */
export const ContactRejectedRowSchema = z.object({ row: z.number().int().positive(), reason: z.string() });
/** The import's result; `revive import contacts --json` prints it (created, merged, unchanged, rejected, mapping first). */
export const ContactImportReportSchema = z.object({
  created: z.number().int().nonnegative(),
  merged: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  rejected: z.array(ContactRejectedRowSchema),
  mapping: ContactImportMappingSchema,
  dryRun: z.boolean(),
  rows: z.number().int().nonnegative(),
  /** Rows that were the same person as an earlier row of the file (by phone or WhatsApp id). */
  duplicatesInFile: z.array(z.object({ row: z.number().int(), sameAsRow: z.number().int(), phone: z.string() })),
  /** Rows that matched a contact already in the store. */
  duplicatesExisting: z.array(z.object({ row: z.number().int(), contactId: z.number().int(), phone: z.string() })),
  /** Parsed, but not quite as written ("1.2 lakh" read as ₹1,20,000; a birthday without a year). */
  warnings: z.array(z.object({ row: z.number().int(), message: z.string() })),
});
export type ContactImportReport = z.infer<typeof ContactImportReportSchema>;

export const ContactImportJobSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  status: z.enum(['uploaded', 'running', 'done', 'failed']),
  progress: z.object({ processed: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
  report: ContactImportReportSchema.nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ContactImportJob = z.infer<typeof ContactImportJobSchema>;

// ---------------------------------------------------------------- segments

export const SEGMENT_FIELDS = ['totalSpend', 'lastPurchaseAt', 'lastMessageAt', 'messageCount', 'tags', 'city', 'birthday', 'anniversary', 'source', 'optIn'] as const;
/**
 * One rule. Numbers: gte/lte/eq. Times: withinDays/olderThanDays (lastPurchaseAt, lastMessageAt;
 * olderThanDays also matches "never"). Dates: inNextDays (birthday/anniversary coming up).
 * Text: eq/contains. Tags: has/notHas. isEmpty for any field. `top` (totalSpend): the N highest.
 */
export const SEGMENT_OPS = ['gte', 'lte', 'eq', 'contains', 'has', 'notHas', 'withinDays', 'olderThanDays', 'inNextDays', 'isEmpty', 'top'] as const;
export const SegmentRuleSchema = z.object({ field: z.enum(SEGMENT_FIELDS), op: z.enum(SEGMENT_OPS), value: z.union([z.string(), z.number()]).nullable() });
export type SegmentRule = z.infer<typeof SegmentRuleSchema>;
export const SegmentInputSchema = z.object({
  name: z.string().trim().min(1, { error: 'Give the segment a name' }).max(80),
  description: z.string().max(300).default(''),
  match: z.enum(['all', 'any']).default('all'),
  rules: z.array(SegmentRuleSchema).max(20),
});
export const SegmentSchema = SegmentInputSchema.extend({
  id: z.number().int(),
  /** Big Spenders, Window Shoppers, Cold Leads: rules editable, not deletable. */
  builtIn: z.boolean(),
  /** Contacts matching now (test shoppers excluded). */
  count: z.number().int().nonnegative(),
});
export type Segment = z.infer<typeof SegmentSchema>;
export const SegmentListSchema = z.object({ segments: z.array(SegmentSchema) });

/** A template sent to a segment through the outbox, at the allowed rate; opted-out contacts skipped. */
export const BroadcastInputSchema = z.object({
  template: z.string().min(1),
  language: z.string().default('en'),
  /** Body variables in order; "{{name}}" is replaced per contact. */
  variables: z.array(z.string()).default([]),
  /** For a template with a copy-code button: the code the shopper copies (e.g. DIWALI20). */
  couponCode: z.string().trim().regex(/^[A-Za-z0-9_-]{1,15}$/, { error: 'A coupon code is up to 15 letters or digits' }).optional(),
});
export const BroadcastSchema = z.object({
  id: z.number().int(),
  segmentId: z.number().int(),
  segmentName: z.string(),
  template: z.string(),
  createdAt: z.string(),
  total: z.number().int(),
  skippedOptOut: z.number().int(),
  skippedNoPhone: z.number().int(),
  queued: z.number().int(),
  sent: z.number().int(),
  delivered: z.number().int(),
  read: z.number().int(),
  failed: z.number().int(),
});
export type Broadcast = z.infer<typeof BroadcastSchema>;

export const ContactListSchema = z.object({ total: z.number().int(), contacts: z.array(ContactSchema) });
export type ContactList = z.infer<typeof ContactListSchema>;

/**
 * `GET /api/contacts` query: limit, offset, q (name/phone/email/city/notes), segment (id), tag,
 * sort (`field` or `-field`), test (1 = include simulator shoppers).
 * Non-JSON routes beside the table: `GET /api/contacts/export.csv` (same query) and
 * `GET /api/contacts/imports/:id/rejected.csv`; `POST /api/contacts/imports` takes the file as the
 * raw body (`?name=`), like the catalog import.
 */
/** The query of `GET /api/contacts` and `export.csv`, typed for the renderer's client. */
export const ContactListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).optional(),
  offset: z.coerce.number().int().min(0).optional(),
  q: z.string().optional(),
  segment: z.coerce.number().int().optional(),
  tag: z.string().optional(),
  sort: z.string().optional(),
  test: z.coerce.number().int().min(0).max(1).optional(),
});

export const crmApi = {
  listContacts: { method: 'GET', path: '/api/contacts', request: z.void(), query: ContactListQuerySchema, response: ContactListSchema },
  getContact: { method: 'GET', path: '/api/contacts/:id', request: z.void(), response: ContactDetailSchema },
  createContact: { method: 'POST', path: '/api/contacts', request: ContactCreateSchema, response: ContactDetailSchema },
  updateContact: { method: 'PATCH', path: '/api/contacts/:id', request: ContactPatchSchema, response: ContactDetailSchema },
  exportContacts: { method: 'POST', path: '/api/contacts/export', request: ContactExportRequestSchema, response: ContactExportSchema },
  bulkTagContacts: { method: 'POST', path: '/api/contacts/bulk-tags', request: BulkTagSchema, response: z.object({ changed: z.number().int() }) },
  listTags: { method: 'GET', path: '/api/tags', request: z.void(), response: TagListSchema },
  renameTag: { method: 'POST', path: '/api/tags/rename', request: TagRenameSchema, response: TagListSchema },
  mergeTags: { method: 'POST', path: '/api/tags/merge', request: TagMergeSchema, response: TagListSchema },
  banTag: { method: 'POST', path: '/api/tags/ban', request: TagBanSchema, response: TagListSchema },
  runContactImport: { method: 'POST', path: '/api/contacts/imports/:id/run', request: ContactImportRunSchema, response: ContactImportJobSchema },
  getContactImport: { method: 'GET', path: '/api/contacts/imports/:id', request: z.void(), response: ContactImportJobSchema },
  listSegments: { method: 'GET', path: '/api/segments', request: z.void(), response: SegmentListSchema },
  createSegment: { method: 'POST', path: '/api/segments', request: SegmentInputSchema, response: SegmentSchema },
  updateSegment: { method: 'PUT', path: '/api/segments/:id', request: SegmentInputSchema, response: SegmentSchema },
  deleteSegment: { method: 'DELETE', path: '/api/segments/:id', request: z.void(), response: z.object({ deleted: z.number().int() }) },
  /** Counts a draft segment's rules without saving it (the editor's live count). */
  countSegment: { method: 'POST', path: '/api/segments/count', request: SegmentInputSchema, response: z.object({ count: z.number().int() }) },
  broadcastToSegment: { method: 'POST', path: '/api/segments/:id/broadcasts', request: BroadcastInputSchema, response: BroadcastSchema },
  listBroadcasts: { method: 'GET', path: '/api/broadcasts', request: z.void(), response: z.object({ broadcasts: z.array(BroadcastSchema) }) },
} as const;

export const crmUploads = {
  startContactImport: { method: 'POST', path: '/api/contacts/imports', maxBytes: 50 * 1024 * 1024, response: ContactImportPreviewSchema },
} as const;

/** The profile fields of a contact the store knows nothing about yet (a new shopper, a preview). */
export const CONTACT_PROFILE_DEFAULTS = {
  email: null,
  city: null,
  birthday: null,
  anniversary: null,
  totalSpend: 0,
  lastPurchaseAt: null,
  lastMessageAt: null,
  messageCount: 0,
  source: 'whatsapp',
  optIn: 'unknown',
  tags: [],
  notes: '',
  custom: {},
  isTest: false,
} as const satisfies Partial<Contact>;
