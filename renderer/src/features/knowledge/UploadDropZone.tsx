import { Badge, Button, FileButton, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconCloudUpload } from '@tabler/icons-react';
import { useState, type DragEvent } from 'react';
import { formatBytes } from '../../ui/format';
import { MAX_UPLOAD_BYTES, UPLOAD_ACCEPT, type UploadItem, type UploadState } from './useUploads';

const STATE = {
  waiting: { color: 'gray', label: 'Waiting' },
  uploading: { color: 'blue', label: 'Uploading and reading' },
  done: { color: 'teal', label: 'Added' },
  failed: { color: 'red', label: 'Failed' },
  refused: { color: 'red', label: 'Not sent' },
} as const satisfies Record<UploadState, { color: string; label: string }>;

interface UploadDropZoneProps {
  items: UploadItem[];
  onFiles: (files: File[]) => void;
  onClear: () => void;
}

/** Drop files here or choose them: several at once, each uploaded in turn with its own row. */
export function UploadDropZone({ items, onFiles, onClear }: UploadDropZoneProps) {
  const [dragging, setDragging] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const files = [...e.dataTransfer.files];
    if (files.length > 0) onFiles(files);
  };
  const finished = items.some((i) => i.state !== 'waiting' && i.state !== 'uploading');
  return (
    <Stack gap="sm">
      <Paper
        withBorder
        p="lg"
        radius="md"
        data-testid="knowledge-drop-zone"
        aria-label="Drop documents here"
        role="group"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        bg={dragging ? 'gold.0' : undefined}
        style={{ borderStyle: 'dashed', borderWidth: 2, borderColor: dragging ? 'var(--mantine-color-gold-6)' : undefined, textAlign: 'center' }}
      >
        <Stack align="center" gap={6}>
          <IconCloudUpload size={36} stroke={1.4} color="var(--mantine-color-gold-7)" />
          <Text fw={500}>Drop your documents here</Text>
          <Text size="sm" c="dimmed">
            PDF, Word (.docx), text or Markdown, up to {MAX_UPLOAD_BYTES / 1024 / 1024} MB each. Several at once is fine.
          </Text>
          <FileButton multiple onChange={onFiles} accept={UPLOAD_ACCEPT} inputProps={{ 'aria-label': 'Documents to upload' }}>
            {(props) => (
              <Button variant="default" mt={4} {...props}>
                Choose files
              </Button>
            )}
          </FileButton>
        </Stack>
      </Paper>
      {items.length > 0 ? (
        <Stack gap={6} aria-label="Uploads" role="list">
          {items.map((item) => (
            <UploadRow key={item.key} item={item} />
          ))}
          {finished ? (
            <Group justify="flex-end">
              <Button variant="subtle" size="xs" color="gray" onClick={onClear}>
                Clear finished
              </Button>
            </Group>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}

function UploadRow({ item }: { item: UploadItem }) {
  const state = STATE[item.state];
  return (
    <Paper withBorder radius="sm" px="sm" py={6} role="listitem" aria-label={item.name} data-state={item.state}>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm" fw={500} truncate style={{ minWidth: 0 }}>
          {item.name}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Text size="xs" c="dimmed">
            {formatBytes(item.bytes)}
          </Text>
          <Badge size="sm" variant="light" color={state.color}>
            {state.label}
          </Badge>
        </Group>
      </Group>
      {item.state === 'uploading' ? <Progress mt={6} size="xs" value={100} striped animated aria-label={`${item.name}: uploading`} /> : null}
      {item.state === 'done' && item.source ? (
        <Text size="xs" c="dimmed" mt={2}>
          {item.source.status === 'ready' ? `Ready: ${item.source.chunks === 1 ? '1 passage' : `${item.source.chunks} passages`}` : 'Being read; its status shows in the list below.'}
        </Text>
      ) : null}
      {item.message ? (
        <Text size="xs" c="red" mt={2} role="alert">
          {item.message}
        </Text>
      ) : null}
    </Paper>
  );
}
