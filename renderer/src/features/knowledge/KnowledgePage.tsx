import { EmptyState, List, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconBooks, IconClipboardText, IconCloudUpload, IconWorld } from '@tabler/icons-react';
import { useApi } from '../../api/useApi';
import { DEFAULT_TIME_ZONE } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorState, LoadingState } from '../../ui/StatusStates';
import { PasteTextForm, WebsiteForm } from './AddSourceForms';
import { AskBox } from './AskBox';
import { SourcesTable } from './SourcesTable';
import { StudioNav } from './StudioNav';
import { UploadDropZone } from './UploadDropZone';
import { useKnowledge } from './useKnowledge';
import { useUploads } from './useUploads';

/** Agent Studio › Knowledge: the store's documents and website the agents answer from. */
export function KnowledgePage() {
  const knowledge = useKnowledge();
  const uploads = useUploads((source) => knowledge.put(source.id, source));
  const store = useApi('getStore');
  const timeZone = store.data?.timeZone ?? DEFAULT_TIME_ZONE;
  const { state, sources } = knowledge;

  return (
    <>
      <PageHeader title="Agent Studio" description="What your agents know: the store's policies, FAQ and website, quoted when shoppers ask." extra={<StudioNav current="knowledge" />} />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Paper withBorder radius="md" p="md">
            <Title order={2} fz="h4" mb="sm">
              Add knowledge
            </Title>
            <Tabs defaultValue="files">
              <Tabs.List mb="sm">
                <Tabs.Tab value="files" leftSection={<IconCloudUpload size={16} />}>
                  Files
                </Tabs.Tab>
                <Tabs.Tab value="website" leftSection={<IconWorld size={16} />}>
                  Website
                </Tabs.Tab>
                <Tabs.Tab value="text" leftSection={<IconClipboardText size={16} />}>
                  Paste text
                </Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="files">
                <UploadDropZone items={uploads.items} onFiles={uploads.add} onClear={uploads.clearFinished} />
              </Tabs.Panel>
              <Tabs.Panel value="website">
                <WebsiteForm onAdd={knowledge.addUrl} />
              </Tabs.Panel>
              <Tabs.Panel value="text">
                <PasteTextForm onAdd={knowledge.addText} />
              </Tabs.Panel>
            </Tabs>
          </Paper>
          <Paper withBorder radius="md" p="md">
            <Title order={2} fz="h4" mb={4}>
              Test a question
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              Ask what a shopper would, and see the passages your agent would answer from.
            </Text>
            <AskBox />
          </Paper>
        </SimpleGrid>
        <Paper withBorder radius="md" p="md">
          <Title order={2} fz="h4" mb="sm">
            Documents{state.data ? ` (${sources.length})` : ''}
          </Title>
          {state.error && !state.data ? (
            <ErrorState error={state.error} onRetry={state.reload} title="The documents could not be loaded" />
          ) : !state.data ? (
            <LoadingState label="Loading the documents…" />
          ) : sources.length === 0 ? (
            <KnowledgeEmpty />
          ) : (
            <SourcesTable sources={sources} timeZone={timeZone} onReprocess={knowledge.reprocess} onDelete={knowledge.remove} />
          )}
        </Paper>
      </Stack>
    </>
  );
}

function KnowledgeEmpty() {
  return (
    <EmptyState
      variant="light"
      color="gray"
      py="lg"
      icon={<IconBooks />}
      title="Your agents know nothing about the store's policies yet"
      description="Start with what shoppers ask most. Drop the documents above, paste them in, or give your website's address:"
    >
      <Stack gap={6} align="center">
        <List size="sm" ta="left">
          <List.Item>Returns and exchange policy</List.Item>
          <List.Item>FAQ (hallmarking, making charges, gold rate)</List.Item>
          <List.Item>Shipping and delivery</List.Item>
          <List.Item>Jewellery care guide</List.Item>
          <List.Item>Your website&apos;s About, FAQ and Contact pages</List.Item>
        </List>
        <Text size="sm" c="dimmed">
          Until then, an agent asked about a policy says it will check and come back.
        </Text>
      </Stack>
    </EmptyState>
  );
}
