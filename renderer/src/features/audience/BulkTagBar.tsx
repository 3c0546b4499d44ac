import { Button, Group, Paper, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTagMinus, IconTagPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import { formatCount } from '../products/money';
import { hashTag, parseTags } from './contactFormat';

/** Adds or removes tags on every selected contact in one request. */
export function BulkTagBar({ ids, onDone }: { ids: number[]; onDone: () => void }) {
  const client = useApiClient();
  const [raw, setRaw] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (ids.length === 0) return null;

  const apply = async (kind: 'add' | 'remove') => {
    const parsed = parseTags(raw);
    if (!parsed.ok) return setError(parsed.message);
    if (parsed.tags.length === 0) return setError('Type a tag first, e.g. #Diwali2026');
    setBusy(true);
    setError(null);
    try {
      const body = kind === 'add' ? { ids, add: parsed.tags, remove: [] } : { ids, add: [], remove: parsed.tags };
      const { changed } = await client.call('bulkTagContacts', { body });
      const tags = parsed.tags.map(hashTag).join(' ');
      notifications.show({ color: 'teal', title: kind === 'add' ? `Tagged ${tags}` : `Removed ${tags}`, message: `${formatCount(changed)} of ${formatCount(ids.length)} contacts changed` });
      setRaw('');
      onDone();
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Something went wrong.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="xs" mb="sm" radius="md" bg="gold.0" aria-label="Selected contacts">
      <Group gap="sm" align="flex-start" wrap="wrap">
        <Text fw={600} mt={6}>
          {formatCount(ids.length)} selected
        </Text>
        <TextInput
          aria-label="Tags for the selected contacts"
          placeholder="#Diwali2026, VIP"
          value={raw}
          error={error}
          onChange={(e) => {
            setRaw(e.currentTarget.value);
            setError(null);
          }}
          w={260}
        />
        <Button leftSection={<IconTagPlus size={16} />} loading={busy} onClick={() => void apply('add')}>
          Add tag
        </Button>
        <Button variant="default" leftSection={<IconTagMinus size={16} />} loading={busy} onClick={() => void apply('remove')}>
          Remove tag
        </Button>
      </Group>
    </Paper>
  );
}
