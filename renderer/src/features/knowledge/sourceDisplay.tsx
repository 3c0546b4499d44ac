import { Badge, Group, Progress, Stack, Text } from '@mantine/core';
import { IconFileText, IconFileTypePdf, IconFileTypeDocx, IconMarkdown, IconWorld, IconClipboardText, IconFile } from '@tabler/icons-react';
import type { KnowledgeSource } from '../../api/contracts';

/** The kind of source in words, for the icon's label. */
export function kindLabel(source: Pick<KnowledgeSource, 'kind' | 'mime' | 'name'>): string {
  if (source.kind === 'url') return 'Website';
  if (source.kind === 'text') return 'Pasted text';
  const name = source.name.toLowerCase();
  if (source.mime === 'application/pdf' || name.endsWith('.pdf')) return 'PDF';
  if (source.mime.includes('wordprocessingml') || name.endsWith('.docx')) return 'Word document';
  if (source.mime === 'text/markdown' || name.endsWith('.md')) return 'Markdown';
  if (source.mime.startsWith('text/') || name.endsWith('.txt')) return 'Text file';
  return 'File';
}

const KIND_ICONS = {
  Website: IconWorld,
  'Pasted text': IconClipboardText,
  PDF: IconFileTypePdf,
  'Word document': IconFileTypeDocx,
  Markdown: IconMarkdown,
  'Text file': IconFileText,
  File: IconFile,
} as const;

export function KindIcon({ source, size = 18 }: { source: Pick<KnowledgeSource, 'kind' | 'mime' | 'name'>; size?: number }) {
  const label = kindLabel(source);
  const Icon = KIND_ICONS[label as keyof typeof KIND_ICONS];
  return <Icon size={size} stroke={1.6} aria-label={label} role="img" color="var(--mantine-color-gold-7)" style={{ flexShrink: 0 }} />;
}

const STATUS = {
  queued: { color: 'gray', label: 'Waiting' },
  processing: { color: 'blue', label: 'Reading' },
  ready: { color: 'teal', label: 'Ready' },
  failed: { color: 'red', label: 'Failed' },
} as const;

/** Status in words: waiting or reading with a progress bar and message, ready with its passages, failed with why. */
export function SourceStatus({ source, compact = false }: { source: KnowledgeSource; compact?: boolean }) {
  const status = STATUS[source.status];
  const progress = source.progress;
  const percent = progress?.total ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : null;
  return (
    <Stack gap={4} miw={compact ? undefined : 160}>
      <Group gap={6} wrap="nowrap">
        <Badge size="sm" variant="light" color={status.color} style={{ flexShrink: 0 }}>
          {status.label}
        </Badge>
        {source.status === 'ready' && !compact ? (
          <Text size="xs" c="dimmed">
            {source.chunks === 1 ? '1 passage' : `${source.chunks} passages`}
          </Text>
        ) : null}
      </Group>
      {source.status === 'queued' || source.status === 'processing' ? (
        <>
          <Progress
            size="sm"
            value={percent ?? 100}
            striped={percent === null}
            animated={percent === null}
            aria-label={`${source.name}: ${percent === null ? 'in progress' : `${percent}% done`}`}
          />
          <Text size="xs" c="dimmed">
            {progress?.message ?? (source.status === 'queued' ? 'Waiting to start…' : 'Reading…')}
          </Text>
        </>
      ) : null}
      {source.status === 'failed' ? (
        <Text size="xs" c="red" role="note">
          {source.error ?? 'It could not be read.'}
        </Text>
      ) : null}
    </Stack>
  );
}
