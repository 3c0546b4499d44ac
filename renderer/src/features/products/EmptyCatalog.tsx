import { Button, Code, EmptyState, Group, List, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconPlus } from '@tabler/icons-react';
import { useApi } from '../../api/useApi';

/** The watched folder; the data folder comes from health (the API has no separate field for it). */
function useInboxPath(): string {
  const health = useApi('health');
  return health.data ? `${health.data.dataDir.replace(/[\\/]+$/, '')}/catalog-inbox/` : '<data folder>/catalog-inbox/';
}

export function EmptyCatalog({ onImport, onAdd }: { onImport: () => void; onAdd: () => void }) {
  const inbox = useInboxPath();
  return (
    <EmptyState
      py="xl"
      variant="light"
      icon={<IconFileSpreadsheet />}
      title="No products yet"
      description="The assistant can only offer what is in the catalog. Bring in your stock list first."
    >
      <List size="sm" spacing={6} maw={620} ta="left" mt="sm">
        <List.Item>
          <Text span fw={500}>Import a spreadsheet</Text> — the CSV or Excel (.xlsx) file you already keep, with any column names. You
          check how its columns match before anything is saved.
        </List.Item>
        <List.Item>
          <Text span fw={500}>Or save it into the watched folder</Text> <Code>{inbox}</Code> — Revive imports it within seconds, and
          again each time you save it there.
        </List.Item>
      </List>
      <EmptyState.Actions>
        <Group gap="sm" mt="md">
          <Button leftSection={<IconFileSpreadsheet size={18} />} onClick={onImport}>
            Import a spreadsheet
          </Button>
          <Button variant="default" leftSection={<IconPlus size={18} />} onClick={onAdd}>
            Add a product
          </Button>
        </Group>
      </EmptyState.Actions>
    </EmptyState>
  );
}
