import { Button, Group, NumberInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconClipboardText, IconWorld } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiClientError } from '../../api/client';
import { KnowledgeTextSchema, KnowledgeUrlSchema, type KnowledgeSource } from '../../api/contracts';
import { issuesToFormErrors } from '../../ui/zodFormErrors';

function serverProblem(err: unknown): { fields: Record<string, string>; message: string } {
  if (err instanceof ApiClientError) return { fields: err.fields, message: err.message };
  return { fields: {}, message: err instanceof Error ? err.message : 'Something went wrong.' };
}

/** Under both forms: what went wrong, what was done, and the submit button. */
function FormFooter({ problem, done, busy, icon, label }: { problem: string | null; done: string | null; busy: boolean; icon: ReactNode; label: string }) {
  return (
    <>
      {problem ? (
        <Text size="sm" c="red" role="alert">
          {problem}
        </Text>
      ) : null}
      {done ? (
        <Text size="sm" c="teal" role="status">
          {done}
        </Text>
      ) : null}
      <Group justify="flex-end">
        <Button type="submit" leftSection={icon} loading={busy}>
          {label}
        </Button>
      </Group>
    </>
  );
}

/** The store's website: its address and, if wanted, the most pages to read. */
export function WebsiteForm({ onAdd }: { onAdd: (url: string, maxPages?: number) => Promise<KnowledgeSource> }) {
  const [url, setUrl] = useState('');
  const [maxPages, setMaxPages] = useState<number | ''>('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [started, setStarted] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setStarted(null);
    const withScheme = url.trim() && !/^[a-z][a-z0-9+.-]*:\/\//i.test(url.trim()) ? `https://${url.trim()}` : url.trim();
    const parsed = KnowledgeUrlSchema.safeParse(maxPages === '' ? { url: withScheme } : { url: withScheme, maxPages });
    if (!parsed.success) return setErrors(issuesToFormErrors(parsed.error.issues));
    setErrors({});
    setBusy(true);
    try {
      const source = await onAdd(parsed.data.url, parsed.data.maxPages);
      setStarted(`Reading ${source.name}: its progress shows in the list below.`);
      setUrl('');
      setMaxPages('');
    } catch (err) {
      const p = serverProblem(err);
      setErrors(p.fields);
      setProblem(p.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Read a website">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          Revive reads the pages about your store (About, FAQ, Shipping, Returns, Contact) on that one site. It shows its progress in the list.
        </Text>
        <Group align="flex-start" gap="xs" wrap="wrap">
          <TextInput
            label="Website address"
            placeholder="https://yourstore.in"
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            error={errors.url}
            style={{ flex: 1, minWidth: 220 }}
          />
          <NumberInput
            label="Most pages"
            placeholder="25"
            min={1}
            max={200}
            allowDecimal={false}
            value={maxPages}
            onChange={(v) => setMaxPages(typeof v === 'number' ? v : '')}
            error={errors.maxPages}
            w={110}
          />
        </Group>
        <FormFooter problem={errors.url ? null : problem} done={started} busy={busy} icon={<IconWorld size={16} />} label="Read website" />
      </Stack>
    </form>
  );
}

/** Text typed or pasted in (e.g. a policy that lives nowhere else), with a name to cite it by. */
export function PasteTextForm({ onAdd }: { onAdd: (name: string, text: string) => Promise<KnowledgeSource> }) {
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setAdded(null);
    const parsed = KnowledgeTextSchema.safeParse({ name, text });
    if (!parsed.success) return setErrors(issuesToFormErrors(parsed.error.issues));
    setErrors({});
    setBusy(true);
    try {
      const source = await onAdd(parsed.data.name, parsed.data.text);
      setName('');
      setText('');
      setAdded(source.status === 'failed' ? null : `${source.name} was added.`);
      if (source.status === 'failed') setProblem(source.error ?? 'The text could not be read.');
    } catch (err) {
      // Nothing typed is lost: the fields keep their text.
      const p = serverProblem(err);
      setErrors(p.fields);
      setProblem(p.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Paste text">
      <Stack gap="xs">
        <TextInput label="Name" placeholder="Care guide" value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
        <Textarea
          label="Text"
          placeholder="Paste a policy, an FAQ or how to care for gold and silver…"
          autosize
          minRows={4}
          maxRows={12}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={errors.text}
        />
        <FormFooter problem={problem} done={added} busy={busy} icon={<IconClipboardText size={16} />} label="Add text" />
      </Stack>
    </form>
  );
}
