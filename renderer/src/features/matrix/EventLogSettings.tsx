import { Alert, Button, Group, Modal, NumberInput, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import type { OpsSettings } from '../../api/contracts';
import { useApi } from '../../api/useApi';

/**
 * How long the event log keeps events, how many at most, and whether shoppers' numbers and
 * messages are masked in it: the owner's choice (`/api/ops/settings`). Masking applies to events
 * stored from now on.
 */
export function EventLogSettings({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const saved = useApi('getOpsSettings');
  return (
    <Modal opened={opened} onClose={onClose} title="Event log settings">
      {/* The modal's content mounts on open, so the form starts from what is saved each time. */}
      {saved.data ? (
        <SettingsForm initial={saved.data} onSaved={(next) => { saved.setData(next); onClose(); }} onCancel={onClose} />
      ) : (
        <Text size="sm" c="dimmed">
          Loading…
        </Text>
      )}
    </Modal>
  );
}

function SettingsForm({ initial, onSaved, onCancel }: { initial: OpsSettings; onSaved: (s: OpsSettings) => void; onCancel: () => void }) {
  const client = useApiClient();
  const [draft, setDraft] = useState<OpsSettings>(initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      onSaved(await client.call('updateOpsSettings', { body: draft }));
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The settings could not be saved');
      setSaving(false);
    }
  };

  return (
    <Stack gap="sm">
      <NumberInput
        label="Keep events for (days)"
        description="Older events are removed once a day."
        min={1}
        max={3650}
        value={draft.retentionDays}
        onChange={(v) => setDraft({ ...draft, retentionDays: typeof v === 'number' ? v : draft.retentionDays })}
      />
      <NumberInput
        label="Keep at most (events)"
        description="The oldest go first when there are more."
        min={1000}
        max={10_000_000}
        step={10_000}
        thousandSeparator=","
        thousandsGroupStyle="lakh"
        value={draft.maxEvents}
        onChange={(v) => setDraft({ ...draft, maxEvents: typeof v === 'number' ? v : draft.maxEvents })}
      />
      <Switch
        label="Hide shoppers' phone numbers and messages in the log"
        description="Applies to events from now on; the conversations themselves are unchanged."
        checked={draft.maskPersonalData}
        onChange={(e) => setDraft({ ...draft, maskPersonalData: e.currentTarget.checked })}
      />
      {error ? <Alert color="red">{error}</Alert> : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button onClick={() => void save()} loading={saving}>
          Save
        </Button>
      </Group>
    </Stack>
  );
}
