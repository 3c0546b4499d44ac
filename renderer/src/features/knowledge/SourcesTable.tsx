import { ActionIcon, Anchor, Button, Group, Modal, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconExternalLink, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { KnowledgeSource } from '../../api/contracts';
import { formatBytes, formatDateTime } from '../../ui/format';
import { KindIcon, kindLabel, SourceStatus } from './sourceDisplay';

interface SourcesTableProps {
  sources: KnowledgeSource[];
  timeZone: string;
  onReprocess: (source: KnowledgeSource) => Promise<void>;
  onDelete: (source: KnowledgeSource) => Promise<boolean>;
}

const reprocessLabel = (s: KnowledgeSource) => (s.kind === 'url' ? 'Read the site again' : 'Read it again');

/** The store's documents: what each is, how reading it went, and re-read or delete. */
export function SourcesTable({ sources, timeZone, onReprocess, onDelete }: SourcesTableProps) {
  const [deleting, setDeleting] = useState<KnowledgeSource | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const reprocess = async (s: KnowledgeSource) => {
    setBusy(s.id);
    try {
      await onReprocess(s);
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label="Knowledge sources" verticalSpacing="xs" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Size</Table.Th>
              <Table.Th>Updated</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sources.map((s) => (
              <Table.Tr key={s.id} data-source-id={s.id} aria-label={s.name}>
                <Table.Td maw={320}>
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <KindIcon source={s} />
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                        {s.name}
                      </Text>
                      {s.kind === 'url' && s.url ? (
                        <Anchor href={s.url} target="_blank" rel="noreferrer" size="xs">
                          <Group gap={2} wrap="nowrap" component="span">
                            Open the site <IconExternalLink size={12} />
                          </Group>
                        </Anchor>
                      ) : (
                        <Text size="xs" c="dimmed">
                          {kindLabel(s)}
                        </Text>
                      )}
                    </Stack>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <SourceStatus source={s} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{s.bytes > 0 ? formatBytes(s.bytes) : '—'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">{formatDateTime(s.updatedAt, timeZone)}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    <Tooltip label={reprocessLabel(s)}>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`${reprocessLabel(s)}: ${s.name}`}
                        loading={busy === s.id}
                        disabled={s.status === 'queued' || s.status === 'processing'}
                        onClick={() => void reprocess(s)}
                      >
                        <IconRefresh size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label="Delete">
                      <ActionIcon variant="subtle" color="red" aria-label={`Delete ${s.name}`} onClick={() => setDeleting(s)}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {deleting ? <DeleteSourceModal source={deleting} onClose={() => setDeleting(null)} onDelete={onDelete} /> : null}
    </>
  );
}

function DeleteSourceModal({ source, onClose, onDelete }: { source: KnowledgeSource; onClose: () => void; onDelete: (s: KnowledgeSource) => Promise<boolean> }) {
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    const deleted = await onDelete(source);
    setBusy(false);
    if (deleted) onClose();
  };
  return (
    <Modal opened onClose={onClose} title={`Delete ${source.name}?`} centered>
      <Stack gap="md">
        <Text size="sm">
          Your agents stop answering from it at once. {source.kind === 'url' ? 'You can read the site again later by adding its address.' : 'To use it again, add the file again.'}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Keep it
          </Button>
          <Button color="red" loading={busy} onClick={() => void confirm()}>
            Delete
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
