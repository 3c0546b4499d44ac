import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useApiClient } from '../../api/ApiContext';
import { ApiClientError } from '../../api/client';
import { ContactCreateSchema, type ContactDetail } from '../../api/contracts';
import { issuesToFormErrors } from '../../ui/zodFormErrors';
import { parseTags } from './contactFormat';

const EMPTY = { name: '', phone: '', email: '', city: '', birthday: '', anniversary: '', tags: '', notes: '', optIn: 'unknown' };
type Draft = typeof EMPTY;

/** The form's text as the contract's body: blank fields are left out, tags read from "#Bridal, VIP". */
export function contactBody(d: Draft): { ok: true; body: unknown } | { ok: false; field: string; message: string } {
  const tags = parseTags(d.tags);
  if (!tags.ok) return { ok: false, field: 'tags', message: tags.message };
  const body: Record<string, unknown> = { phone: d.phone, optIn: d.optIn };
  for (const k of ['name', 'email', 'city', 'birthday', 'anniversary'] as const) if (d[k].trim()) body[k] = d[k].trim();
  if (d.notes.trim()) body.notes = d.notes.trim();
  if (tags.tags.length) body.tags = tags.tags;
  return { ok: true, body };
}

/** A customer added by hand (met at the counter, called in): the phone in any common Indian form. `onCreated` replaces the dialog. */
export function NewContactModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (c: ContactDetail) => void }) {
  const client = useApiClient();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (k: keyof Draft) => ({
    value: draft[k],
    error: errors[k],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setDraft((d) => ({ ...d, [k]: value }));
    },
  });

  const reset = () => {
    setDraft(EMPTY);
    setErrors({});
    setProblem(null);
  };
  const close = () => {
    reset();
    onClose();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const made = contactBody(draft);
    if (!made.ok) return setErrors({ [made.field]: made.message });
    const parsed = ContactCreateSchema.safeParse(made.body);
    if (!parsed.success) return setErrors(issuesToFormErrors(parsed.error.issues));
    setErrors({});
    setBusy(true);
    try {
      const created = await client.call('createContact', { body: parsed.data });
      reset();
      onCreated(created);
    } catch (err) {
      if (err instanceof ApiClientError) setErrors(err.fields);
      setProblem(err instanceof Error ? err.message : 'Something went wrong.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title="Add a contact" size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate aria-label="Add a contact">
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <TextInput label="Name" placeholder="Meera Shah" {...field('name')} />
            <TextInput label="Mobile" placeholder="98765 43210" required {...field('phone')} />
            <TextInput label="Email" placeholder="meera@example.com" {...field('email')} />
            <TextInput label="City" placeholder="Surat" {...field('city')} />
            <TextInput label="Birthday" placeholder="1990-05-14 or 05-14" {...field('birthday')} />
            <TextInput label="Anniversary" placeholder="2015-02-10 or 02-10" {...field('anniversary')} />
          </SimpleGrid>
          <Group grow align="flex-start">
            <TextInput label="Tags" placeholder="#Bridal, VIP" {...field('tags')} />
            <Select
              label="Messages"
              data={[
                { value: 'unknown', label: 'Not asked yet' },
                { value: 'opted_in', label: 'Agreed to offers' },
                { value: 'opted_out', label: 'Said no to offers' },
              ]}
              value={draft.optIn}
              onChange={(v) => setDraft((d) => ({ ...d, optIn: v ?? 'unknown' }))}
              allowDeselect={false}
            />
          </Group>
          <Textarea label="Notes" autosize minRows={2} placeholder="Ring size 12; prefers 22K" {...field('notes')} />
          {problem ? (
            <Text size="sm" c="red" role="alert">
              {problem}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={busy} leftSection={<IconUserPlus size={18} />}>
              Save contact
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
