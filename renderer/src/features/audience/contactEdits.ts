import { notifications } from '@mantine/notifications';
import { useCallback, useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import { ApiClientError } from '../../api/client';
import { ContactPatchSchema, type Contact, type ContactPatch } from '../../api/contracts';
import { displayName, parseTags } from './contactFormat';
import type { ContactList } from './useContactList';

/** The grid columns edited in place; the rest changes through imports or the shopper's own messages. */
export const EDITABLE_CONTACT_FIELDS = ['name', 'city', 'email', 'tags', 'notes'] as const;
export type EditableContactField = (typeof EDITABLE_CONTACT_FIELDS)[number];
export const isEditableContactField = (f: string): f is EditableContactField => (EDITABLE_CONTACT_FIELDS as readonly string[]).includes(f);
const LABELS: Record<EditableContactField, string> = { name: 'Name', city: 'City', email: 'Email', tags: 'Tags', notes: 'Notes' };

export type EditCheck = { ok: true; patch: ContactPatch } | { ok: false; message: string };

/** One cell's raw editor output as a patch the contract accepts: tags from "#A, B", blank name/city/email → null. */
export function checkContactEdit(field: EditableContactField, raw: unknown): EditCheck {
  const text = raw === null || raw === undefined ? '' : String(raw);
  let value: unknown;
  if (field === 'tags') {
    const tags = parseTags(text);
    if (!tags.ok) return tags;
    value = tags.tags;
  } else if (field === 'notes') value = text;
  else value = text.trim() === '' ? null : text.trim();
  const parsed = ContactPatchSchema.safeParse({ [field]: value });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? `${LABELS[field]} is not valid` };
  return { ok: true, patch: parsed.data };
}

/** `id␀field` → why the last edit of that cell was not saved. */
export type ContactCellErrors = Record<string, string>;
export const contactCellKey = (id: number, field: string) => `${id}\u0000${field}`;
const withoutRow = (errors: ContactCellErrors, id: number) => Object.fromEntries(Object.entries(errors).filter(([k]) => !k.startsWith(`${id}\u0000`)));

/** Saves grid edits one cell at a time with PATCH; a refused edit keeps the saved value and marks the cell. */
export function useContactSaves(list: ContactList) {
  const client = useApiClient();
  const [errors, setErrors] = useState<ContactCellErrors>({});

  const fail = useCallback((row: Contact, field: string, message: string) => {
    setErrors((prev) => ({ ...withoutRow(prev, row.id), [contactCellKey(row.id, field)]: message }));
    notifications.show({ id: 'contact-cell', color: 'red', title: `${displayName(row)} was not saved`, message });
  }, []);

  const saveCell = useCallback(
    async (row: Contact, field: string, raw: unknown) => {
      if (!isEditableContactField(field)) return;
      const check = checkContactEdit(field, raw);
      if (!check.ok) return fail(row, field, check.message);
      list.markOwn([row.id]);
      try {
        const saved = await client.call('updateContact', { params: { id: String(row.id) }, body: check.patch });
        list.upsert(saved);
        setErrors((prev) => withoutRow(prev, row.id));
        notifications.show({ id: 'contact-cell', color: 'teal', title: 'Saved', message: `${displayName(saved)} · ${LABELS[field]}` });
      } catch (err) {
        const fields = err instanceof ApiClientError ? err.fields : {};
        fail(row, field, fields[field] ?? (err instanceof Error ? err.message : 'Something went wrong.'));
      }
    },
    [client, fail, list],
  );

  return { errors, saveCell, dismiss: () => setErrors({}) };
}
