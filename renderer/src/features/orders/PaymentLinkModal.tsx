import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import type { OrderSettings } from '../../api/contracts';

/** The store's payment link (UPI or a payment page): when set, order confirmations offer "Payment link". */
export function PaymentLinkModal({ settings, opened, onClose, onSaved }: { settings: OrderSettings | undefined; opened: boolean; onClose: () => void; onSaved: (s: OrderSettings) => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Payment link">
      {opened ? <Form initial={settings?.paymentUrl ?? ''} onClose={onClose} onSaved={onSaved} /> : null}
    </Modal>
  );
}

function Form({ initial, onClose, onSaved }: { initial: string; onClose: () => void; onSaved: (s: OrderSettings) => void }) {
  const client = useApiClient();
  const [url, setUrl] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      onSaved(await client.call('putOrderSettings', { body: { paymentUrl: url.trim() } }));
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setSaving(false);
    }
  };
  return (
    <Stack>
      <Text size="sm">When a shopper orders on WhatsApp, the agent offers “Visit to try” and “Pay at store”. With a link here it also offers “Payment link” and sends it.</Text>
      <TextInput label="UPI or payment page link" placeholder="upi://pay?pa=store@okaxis or https://…" value={url} onChange={(e) => setUrl(e.currentTarget.value)} error={error} data-autofocus />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>Cancel</Button>
        <Button onClick={() => void save()} loading={saving}>{url.trim() ? 'Save' : 'Save without a link'}</Button>
      </Group>
    </Stack>
  );
}
