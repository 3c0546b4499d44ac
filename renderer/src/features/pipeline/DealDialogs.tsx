import { Button, Group, Modal, NumberInput, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import type { Contact } from '../../api/contracts';

/** Losing a deal asks why (the reason stays on the deal). */
export function LostReasonModal({ title, onConfirm, onCancel }: { title: string | null; onConfirm: (reason: string) => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const cancel = () => {
    setReason('');
    onCancel();
  };
  return (
    <Modal opened={title !== null} onClose={cancel} title={`Mark “${title ?? ''}” lost`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!reason.trim()) return;
          setReason('');
          onConfirm(reason.trim());
        }}
      >
        <Stack>
          <Textarea label="Why was it lost?" placeholder="e.g. bought elsewhere, budget, only browsing" value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={300} data-autofocus required />
          <Group justify="flex-end">
            <Button variant="default" onClick={cancel}>
              Cancel
            </Button>
            <Button type="submit" color="red" disabled={!reason.trim()}>
              Mark lost
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export interface NewDeal {
  contactId: number;
  title: string;
  value: number;
}

/** A deal by hand, for one of the store's contacts. */
export function NewDealModal({ opened, onClose, onCreate }: { opened: boolean; onClose: () => void; onCreate: (deal: NewDeal) => Promise<void> }) {
  const client = useApiClient();
  const [contacts, setContacts] = useState<Contact[] | null>(null);
  const [contactId, setContactId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [value, setValue] = useState<number | string>(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!opened) return;
    client
      .call('listContacts', { query: { limit: 500, test: 1 } })
      .then((r) => setContacts(r.contacts))
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  }, [client, opened]);
  const submit = async () => {
    if (!contactId) return setError('Pick the shopper this deal is for');
    if (!title.trim()) return setError('Give the deal a title');
    setBusy(true);
    try {
      await onCreate({ contactId: Number(contactId), title: title.trim(), value: typeof value === 'number' ? value : 0 });
      setTitle('');
      setValue(0);
      setContactId(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      opened={opened}
      onClose={() => {
        setError(null);
        onClose();
      }}
      title="New deal"
    >
      <Stack>
        <Select
          label="Shopper"
          searchable
          placeholder={contacts && contacts.length === 0 ? 'No contacts yet: they appear when shoppers message' : 'Search by name or phone'}
          data={(contacts ?? []).map((c) => ({ value: String(c.id), label: [c.name, c.phone].filter(Boolean).join(' · ') || `Contact ${c.id}` }))}
          value={contactId}
          onChange={setContactId}
          nothingFoundMessage="No contact by that name or phone"
        />
        <TextInput label="Title" placeholder="e.g. Bridal necklace set" value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={120} />
        <NumberInput label="Value (₹)" value={value} onChange={setValue} min={0} step={1000} allowDecimal={false} allowNegative={false} thousandSeparator="," thousandsGroupStyle="lakh" prefix="₹" />
        {error ? <Text c="red" size="sm" role="alert">{error}</Text> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void submit()} loading={busy}>
            Add deal
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
