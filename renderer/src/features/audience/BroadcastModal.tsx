import { Alert, Button, Group, Modal, ScrollArea, Stack, Table, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import type { Broadcast, Segment } from '../../api/contracts';
import { useApi } from '../../api/useApi';
import { formatDateTime } from '../../ui/format';
import { formatCount } from '../products/money';

function BroadcastList({ broadcasts, timeZone }: { broadcasts: Broadcast[]; timeZone: string }) {
  if (broadcasts.length === 0) return <Text size="sm" c="dimmed">No broadcasts yet.</Text>;
  return (
    <ScrollArea.Autosize mah={240} type="auto">
      <Table striped withTableBorder fz="sm" aria-label="Broadcasts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Segment</Table.Th>
            <Table.Th>Template</Table.Th>
            <Table.Th ta="right">Queued</Table.Th>
            <Table.Th ta="right">Sent</Table.Th>
            <Table.Th ta="right">Delivered</Table.Th>
            <Table.Th ta="right">Read</Table.Th>
            <Table.Th ta="right">Failed</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {broadcasts.map((b) => (
            <Table.Tr key={b.id}>
              <Table.Td>{formatDateTime(b.createdAt, timeZone)}</Table.Td>
              <Table.Td>{b.segmentName}</Table.Td>
              <Table.Td ff="monospace">{b.template}</Table.Td>
              <Table.Td ta="right">{formatCount(b.queued)}</Table.Td>
              <Table.Td ta="right">{formatCount(b.sent)}</Table.Td>
              <Table.Td ta="right">{formatCount(b.delivered)}</Table.Td>
              <Table.Td ta="right">{formatCount(b.read)}</Table.Td>
              <Table.Td ta="right">{formatCount(b.failed)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

/** An approved template to everyone in a segment (opted-out contacts skipped), then the delivery counts. */
export function BroadcastModal({ segment, timeZone, onClose }: { segment: Segment | null; timeZone: string; onClose: () => void }) {
  const client = useApiClient();
  const list = useApi('listBroadcasts');
  const [template, setTemplate] = useState('');
  const [language, setLanguage] = useState('en');
  const [variables, setVariables] = useState<string[]>([]);
  const [result, setResult] = useState<Broadcast>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async () => {
    if (!segment) return;
    if (!template.trim()) return setError('Give the name of an approved template, e.g. diwali_offer');
    setBusy(true);
    setError(null);
    try {
      setResult(await client.call('broadcastToSegment', { params: { id: String(segment.id) }, body: { template: template.trim(), language: language.trim() || 'en', variables } }));
      list.reload();
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Something went wrong.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} size="900px" title={segment ? `Send a template to ${segment.name}` : 'Broadcasts'}>
      <Stack gap="sm">
        {segment && !result ? (
          <>
            <Text size="sm" c="dimmed">
              {formatCount(segment.count)} contacts in this segment. Outside the 24-hour window WhatsApp allows only approved templates; messages go out through the
              outbox at the allowed rate, and contacts who opted out are skipped.
            </Text>
            <Group grow align="flex-start">
              <TextInput label="Template name" placeholder="diwali_offer" value={template} onChange={(e) => setTemplate(e.currentTarget.value)} />
              <TextInput label="Language" value={language} onChange={(e) => setLanguage(e.currentTarget.value)} maw={120} />
            </Group>
            <TagsInput label="Body variables, in order" description="{{name}} is replaced by each contact's name" placeholder="{{name}}, 20% off" value={variables} onChange={setVariables} />
            {error ? (
              <Alert color="red" variant="light" role="alert">
                {error}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button leftSection={<IconSend size={16} />} loading={busy} onClick={() => void send()}>
                Send to {formatCount(segment.count)} contacts
              </Button>
            </Group>
          </>
        ) : null}
        {result ? (
          <Alert color="teal" variant="light" title={`“${result.template}” is on its way`} aria-label="Broadcast report">
            {formatCount(result.queued)} queued · {formatCount(result.skippedOptOut)} skipped (opted out) · {formatCount(result.skippedNoPhone)} skipped (no phone)
          </Alert>
        ) : null}
        <Title order={3} fz="h5">
          Broadcasts
        </Title>
        {list.data ? <BroadcastList broadcasts={list.data.broadcasts} timeZone={timeZone} /> : list.error ? <Text c="red" size="sm">{list.error instanceof Error ? list.error.message : 'Could not load'}</Text> : <Text size="sm" c="dimmed">Loading…</Text>}
      </Stack>
    </Modal>
  );
}
