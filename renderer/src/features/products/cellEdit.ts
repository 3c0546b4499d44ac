import { PRODUCT_FIELD_LABELS, ProductPatchSchema, productIssues, type Product, type ProductPatch } from '../../api/contracts';

/** The grid columns a shopkeeper can edit in place; everything else is in the edit form. */
export const EDITABLE_FIELDS = ['name', 'category', 'style', 'metal', 'purity', 'grossWeightGrams', 'netWeightGrams', 'stones', 'price', 'stock', 'gender', 'occasions'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export function isEditableField(field: string): field is EditableField {
  return (EDITABLE_FIELDS as readonly string[]).includes(field);
}

const LISTS = new Set<EditableField>(['stones', 'occasions']);
const NULLABLE = new Set<EditableField>(['style', 'metal', 'purity', 'gender', 'grossWeightGrams', 'netWeightGrams']);
const NUMBERS = new Set<EditableField>(['grossWeightGrams', 'netWeightGrams', 'price', 'stock']);

const blank = (raw: unknown) => raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');

/** An editor's raw output as the value the API expects: "ruby, pearl" → ["ruby","pearl"], "" → null, "45,000" → 45000. */
function toValue(field: EditableField, raw: unknown): unknown {
  if (LISTS.has(field)) {
    if (Array.isArray(raw)) return raw;
    return blank(raw) ? [] : String(raw).split(',').map((s) => s.trim()).filter(Boolean);
  }
  if (blank(raw)) return NULLABLE.has(field) ? null : undefined;
  if (NUMBERS.has(field) && typeof raw === 'string') {
    const n = Number(raw.replace(/[₹,\s]/g, ''));
    return Number.isNaN(n) ? raw : n;
  }
  return typeof raw === 'string' ? raw.trim() : raw;
}

export type CellCheck = { ok: true; patch: ProductPatch } | { ok: false; field: EditableField; message: string };

/**
 * Checks one cell edit with the shared contract (the field's own rule) and the rules across fields
 * (net within gross, a purity the metal can have), so a bad value is caught before it is sent.
 */
export function checkCellEdit(row: Product, field: EditableField, raw: unknown): CellCheck {
  const value = toValue(field, raw);
  const label = PRODUCT_FIELD_LABELS[field];
  if (value === undefined) return { ok: false, field, message: `${label} cannot be empty` };
  const parsed = ProductPatchSchema.safeParse({ [field]: value });
  if (!parsed.success) return { ok: false, field, message: parsed.error.issues[0]?.message ?? `${label} is not valid` };
  // Only problems this edit would cause: an old one elsewhere in the row must not block it.
  const before = new Set(productIssues(row).map((i) => i.message));
  const issue = productIssues({ ...row, ...parsed.data }).find((i) => !before.has(i.message));
  if (issue) return { ok: false, field, message: issue.message };
  return { ok: true, patch: parsed.data };
}
