import { Badge, EmptyState, Group, Stack, Table, Text } from '@mantine/core';
import { IconBooks } from '@tabler/icons-react';
import { useApi } from '../../api/useApi';
import { ErrorState, LoadingState } from '../../ui/StatusStates';

const STATUS_COLOR = { ready: 'green', failed: 'red', processing: 'blue', queued: 'gray' } as const;

/**
 * The store's documents the agent answers from (every agent answers from all of them for now).
 * Adding them is `revive import knowledge FILE` until the Knowledge screen lands.
 */
export function KnowledgeSources() {
  const sources = useApi('listKnowledgeSources');
  if (sources.error) return <ErrorState error={sources.error} onRetry={sources.reload} title="The documents could not be loaded" />;
  if (!sources.data) return <LoadingState label="Loading the documents…" />;
  const list = sources.data.sources;
  const how = (
    <>
      Add a policy or FAQ (text or Markdown) with <code>revive import knowledge FILE</code>; uploading here and PDFs, Word files and the store website come with the Knowledge screen.
    </>
  );
  if (list.length === 0) {
    return <EmptyState variant="light" color="gray" py="lg" icon={<IconBooks />} title="No documents yet" description={how} />;
  }
  return (
    <Stack gap="xs">
      <Text size="sm">The agent answers policy questions from these documents and names the one it quotes.</Text>
      <Table aria-label="Knowledge documents" verticalSpacing={6}>
        <Table.Tbody>
          {list.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {s.name}
                </Text>
                {s.error ? (
                  <Text size="xs" c="red">
                    {s.error}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Badge size="sm" variant="light" color={STATUS_COLOR[s.status]}>
                    {s.status}
                  </Badge>
                  {s.status === 'ready' ? (
                    <Text size="xs" c="dimmed">
                      {s.chunks} passages
                    </Text>
                  ) : null}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        {how}
      </Text>
    </Stack>
  );
}
