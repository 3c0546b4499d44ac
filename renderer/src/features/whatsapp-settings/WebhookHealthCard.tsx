import { Alert, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import type { WebhookOutcome } from '../../api/contracts';
import { useLiveMessages } from '../../api/LiveContext';
import { useApi } from '../../api/useApi';
import { formatDateTime } from '../../ui/format';
import { ErrorState } from '../../ui/StatusStates';
import { formatLogTime } from './time';
import { useThrottledReload } from './useThrottledReload';

const OUTCOME: Record<WebhookOutcome, string> = {
  stored: 'Received',
  no_secret: 'Refused: no app secret set',
  missing_signature: 'Refused: not signed',
  bad_signature: 'Refused: wrong signature',
  too_large: 'Refused: too large',
  unreadable: 'Refused: unreadable',
  bad_json: 'Refused: not JSON',
  bad_shape: 'Refused: not a WhatsApp payload',
};

const SHOWN = 8;

function Stat({ label, value, warn }: { label: string; value: string | number; warn?: boolean }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} c={warn ? 'red.8' : undefined}>
        {value}
      </Text>
    </Stack>
  );
}

/** What Meta's webhook deliveries did since Revive started: the last few, and the refusals counted. */
export function WebhookHealthCard({ timeZone }: { timeZone: string }) {
  const deliveries = useApi('webhookDeliveries');
  const reload = useThrottledReload(deliveries.reload);
  useLiveMessages((m) => {
    if (m.type === 'whatsapp.inbound' || m.type === 'whatsapp.status') reload();
  });
  const d = deliveries.data;

  return (
    <Card withBorder padding="lg" component="section" aria-label="Webhook health">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h4">
          Webhook health
        </Title>
        <Button size="xs" variant="subtle" leftSection={<IconRefresh size={14} />} onClick={deliveries.reload} loading={deliveries.loading}>
          Refresh
        </Button>
      </Group>
      {deliveries.error && !d ? <ErrorState error={deliveries.error} onRetry={deliveries.reload} title="Webhook deliveries could not be loaded" /> : null}
      {d ? (
        <Stack gap="sm">
          {d.appSecretSet ? null : (
            <Alert color="orange" variant="light">
              No app secret is set, so Revive refuses every webhook: it cannot check they come from Meta.
            </Alert>
          )}
          <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs">
            <Stat label="Received" value={d.counts.stored} />
            <Stat label="Signature failures" value={d.counts.signatureFailures} warn={d.counts.signatureFailures > 0} />
            <Stat label="Refused in all" value={d.counts.refused} />
            <Stat label="Last received" value={d.lastStoredAt ? formatLogTime(d.lastStoredAt, timeZone) : 'Never'} />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            Counted since Revive started ({formatDateTime(d.since, timeZone)}); {d.storedTotal.toLocaleString('en-IN')} {d.storedTotal === 1 ? 'delivery' : 'deliveries'} stored in all.
          </Text>
          {d.deliveries.length === 0 ? (
            <Text size="sm">No webhook has arrived since Revive started. Once Meta's dashboard has the webhook URL, each delivery shows here.</Text>
          ) : (
            <Table striped fz="sm" aria-label="Last webhook deliveries">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Time</Table.Th>
                  <Table.Th>Result</Table.Th>
                  <Table.Th ta="right">Messages</Table.Th>
                  <Table.Th ta="right">Statuses</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.deliveries.slice(0, SHOWN).map((x, i) => (
                  <Table.Tr key={`${x.receivedAt}-${i}`}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatLogTime(x.receivedAt, timeZone)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" c={x.outcome === 'stored' ? 'teal.8' : 'red.8'}>
                        {OUTCOME[x.outcome]}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{x.newMessages === x.messages ? x.messages : `${x.messages} (${x.messages - x.newMessages} repeated)`}</Table.Td>
                    <Table.Td ta="right">{x.statuses}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      ) : null}
    </Card>
  );
}
