import { Button, EmptyState, List, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconUsers } from '@tabler/icons-react';

export function EmptyAudience({ onImport, showingTests }: { onImport: () => void; showingTests: boolean }) {
  return (
    <EmptyState py="xl" variant="light" icon={<IconUsers />} title="Import your customer list" description="Shoppers who write on WhatsApp appear here by themselves. Bring in the customers you already know too.">
      <List size="sm" spacing={6} maw={620} ta="left" mt="sm">
        <List.Item>
          <Text span fw={500}>Any CSV or Excel (.xlsx) file</Text> — from your billing software or a register, with any column names. Phones in any form
          (“98765 43210”, “+91-98765-43210”) are recognised and duplicates merged.
        </List.Item>
        <List.Item>You check how the columns match and see every problem before anything is saved.</List.Item>
        {showingTests ? null : <List.Item>Test shoppers from the simulator are hidden; tick “Show test shoppers” to see them.</List.Item>}
      </List>
      <EmptyState.Actions>
        <Button mt="md" leftSection={<IconFileSpreadsheet size={18} />} onClick={onImport}>
          Import customers
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
