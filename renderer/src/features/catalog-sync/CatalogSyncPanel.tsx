import { Alert, Badge, Button, Group, Paper, ScrollArea, Table, Text } from '@mantine/core';
import { IconBrandWhatsapp, IconRefresh } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { CatalogSyncStatus, SyncRun } from '../../api/contracts';
import { formatCount, formatDateTime } from '../../ui/format';
import { useCatalogSync } from './useCatalogSync';

/** "2 added, 1 updated, 3 failed" for the last run; "nothing changed" when it sent nothing. */
function runSummary(run: SyncRun): string {
  const parts = [
    run.created ? `${formatCount(run.created)} added` : null,
    run.updated ? `${formatCount(run.updated)} updated` : null,
    run.deleted ? `${formatCount(run.deleted)} removed` : null,
    run.failed ? `${formatCount(run.failed)} failed` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'nothing changed';
}

function Counts({ counts }: { counts: CatalogSyncStatus['counts'] }) {
  return (
    <Group gap={6}>
      <Badge color="green" variant="light" tt="none" data-count="synced">In sync {formatCount(counts.synced)}</Badge>
      <Badge color="yellow" variant="light" tt="none" data-count="pending">Pending {formatCount(counts.pending)}</Badge>
      <Badge color="red" variant={counts.failed ? 'filled' : 'light'} tt="none" data-count="failed">Failed {formatCount(counts.failed)}</Badge>
    </Group>
  );
}

/**
 * The Products screen's WhatsApp catalog panel: how many products Meta holds, which wait, which
 * Meta refused and why; when the last sync ran; and "Sync now".
 */
export function CatalogSyncPanel({ timeZone }: { timeZone: string }) {
  const { data, error, syncing, syncNow } = useCatalogSync();
  if (!data) {
    return error ? (
      <Text size="sm" c="dimmed" mb="sm" data-testid="catalog-sync-error">
        The WhatsApp catalog status could not be loaded: {error instanceof Error ? error.message : String(error)}
      </Text>
    ) : null;
  }
  if (!data.catalogId) {
    return (
      <Paper withBorder p="sm" mb="sm" data-testid="catalog-sync">
        <Group gap="xs" wrap="nowrap">
          <IconBrandWhatsapp size={20} />
          <Text size="sm">
            No WhatsApp catalog is connected, so products go to shoppers as picture cards. To send product cards shoppers can add to a cart,{' '}
            <Text component={Link} to="/settings/whatsapp" c="blue" inherit>add your Meta catalog id in Settings → WhatsApp</Text>.
          </Text>
        </Group>
      </Paper>
    );
  }
  const run = data.lastRun;
  return (
    <Paper withBorder p="sm" mb="sm" data-testid="catalog-sync">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="sm" wrap="wrap">
          <Group gap={6}>
            <IconBrandWhatsapp size={20} />
            <Text fw={600}>WhatsApp catalog</Text>
          </Group>
          <Counts counts={data.counts} />
          <Text size="sm" c="dimmed" data-testid="last-sync">
            {run ? `Last sync ${formatDateTime(run.finishedAt ?? run.startedAt, timeZone)} · ${run.state === 'running' ? 'running' : run.state === 'error' ? 'did not finish' : runSummary(run)}` : 'Not synced yet'}
          </Text>
        </Group>
        <Button size="xs" variant="light" leftSection={<IconRefresh size={16} />} loading={syncing} onClick={() => void syncNow()}>
          Sync now
        </Button>
      </Group>
      {run?.state === 'error' ? (
        <Alert color="red" mt="sm" title="The last sync did not finish">{run.error}</Alert>
      ) : null}
      {data.failed.length ? (
        <>
          <Text size="sm" mt="sm" mb={4}>
            Not in the WhatsApp catalog yet, so product messages leave these out. Fix them, then sync again:
          </Text>
          <ScrollArea.Autosize mah={180}>
            <Table striped withTableBorder fz="sm" data-testid="sync-failed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>SKU</Table.Th>
                  <Table.Th>Product</Table.Th>
                  <Table.Th>Why</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.failed.map((f) => (
                  <Table.Tr key={f.sku} data-sku={f.sku}>
                    <Table.Td ff="monospace">{f.sku}</Table.Td>
                    <Table.Td>{f.name ?? 'Deleted product (removal at Meta failed)'}</Table.Td>
                    <Table.Td>{f.reason}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </>
      ) : null}
    </Paper>
  );
}
