import { Anchor, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import { ApiClientError } from '../../api/client';
import { downloadText } from '../../ui/download';
import { formatCount } from '../products/money';
import type { ContactGridView } from './ContactGrid';

/** The most rows the server takes by id (its request limit). */
export const MAX_EXPORT_IDS = 100_000;

/**
 * "Export CSV": the server's list for the segment and quick filter (a plain link), or, once a
 * column filter is set, exactly the rows the grid shows, in its order, with the same columns.
 */
export function ExportContacts({ url, view }: { url: string; view: ContactGridView | undefined }) {
  const client = useApiClient();
  const [busy, setBusy] = useState(false);
  if (!view?.columnFilters) {
    return (
      <Anchor href={url} download mb={8}>
        <Group gap={4}>
          <IconDownload size={16} />
          <Text span size="sm">Export CSV</Text>
        </Group>
      </Anchor>
    );
  }
  const save = async () => {
    const ids = view.ids();
    if (!ids.length) {
      notifications.show({ color: 'yellow', title: 'Nothing to export', message: 'No contact matches the column filters.' });
      return;
    }
    if (ids.length > MAX_EXPORT_IDS) {
      notifications.show({ color: 'red', title: 'Too many rows for a filtered export', message: `The filters leave ${formatCount(ids.length)} contacts; at most ${formatCount(MAX_EXPORT_IDS)} can be exported this way. Narrow the filters, or clear them to export the whole list.` });
      return;
    }
    setBusy(true);
    try {
      const file = await client.call('exportContacts', { body: { ids } });
      downloadText(file.fileName, file.csv);
    } catch (err) {
      notifications.show({ color: 'red', title: 'The export failed', message: err instanceof ApiClientError ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="subtle" size="compact-sm" mb={8} leftSection={<IconDownload size={16} />} loading={busy} onClick={() => void save()}>
      Export CSV ({formatCount(view.shown)} shown)
    </Button>
  );
}
