import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import type { Contact, Template } from '../../api/contracts';
import { errorMessage } from './errors';

const label = (c: Contact) => `${c.name ?? 'No name'} · ${c.phone ?? c.waId ?? c.userId ?? ''}`;

/**
 * Pick a contact (or send to the one given, as the Inbox does) and fill the template's variables
 * (body, header, coupon code, URL suffix), then send.
 */
export function SendTemplateModal({ template, to, onClose, onSent }: { template: Template; to?: { contactId: number; label: string }; onClose: () => void; onSent: (to: string) => void }) {
  const client = useApiClient();
  const [q, setQ] = useState('');
  const [contacts, setContacts] = useState<Contact[]>([]);
  const [contactId, setContactId] = useState<string | null>(to ? String(to.contactId) : null);
  const [body, setBody] = useState<string[]>(() => Array.from({ length: template.bodyVariables }, () => ''));
  const [header, setHeader] = useState('');
  const [buttons, setButtons] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (to) return;
    const controller = new AbortController();
    client
      .call('listContacts', { query: { q: q || undefined, limit: 20, test: 1 }, signal: controller.signal })
      .then((r) => setContacts(r.contacts))
      .catch(() => undefined);
    return () => controller.abort();
  }, [client, q, to]);

  const send = async () => {
    if (!contactId) return setProblem('Choose who to send it to');
    setBusy(true);
    setProblem(null);
    try {
      const r = await client.call('sendTemplate', {
        body: { contactId: Number(contactId), name: template.name, language: template.language, body, buttons, ...(template.headerVariables ? { headerText: header } : {}) },
      });
      onSent(r.to);
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={`Send “${template.name}”`} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">{template.bodyText}</Text>
        {to ? (
          <Text size="sm">
            To <b>{to.label}</b>
          </Text>
        ) : (
        <Select
          label="To"
          placeholder="Search a name or phone"
          searchable
          searchValue={q}
          onSearchChange={setQ}
          data={contacts.map((c) => ({ value: String(c.id), label: label(c) }))}
          value={contactId}
          onChange={setContactId}
          nothingFoundMessage="No contact matches"
          required
        />
        )}
        {template.headerVariables ? <TextInput label="Header {{1}}" value={header} onChange={(e) => setHeader(e.currentTarget.value)} maxLength={60} required /> : null}
        {body.map((v, i) => (
          <TextInput
            key={i}
            label={`Body {{${i + 1}}}`}
            placeholder={template.bodyExamples[i] ? `e.g. ${template.bodyExamples[i]}` : undefined}
            value={v}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setBody((b) => b.map((x, j) => (j === i ? value : x)));
            }}
            required
          />
        ))}
        {template.buttons
          .filter((b) => b.needs)
          .map((b) => (
            <TextInput
              key={b.index}
              label={b.needs === 'coupon_code' ? 'Coupon code (up to 15 characters)' : `End of the “${b.text}” link`}
              placeholder={b.example ? `e.g. ${b.example}` : undefined}
              maxLength={b.needs === 'coupon_code' ? 15 : undefined}
              value={buttons[String(b.index)] ?? ''}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setButtons((x) => ({ ...x, [String(b.index)]: value }));
              }}
              required
            />
          ))}
        {problem ? <Alert color="red" variant="light" role="alert">{problem}</Alert> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={() => void send()} loading={busy}>Send template</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
