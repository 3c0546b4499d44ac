import { Button, FileButton, Paper, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState, type DragEvent, type ReactNode } from 'react';

/** A dashed area to drop a file on, with a "Choose a file" button for those who prefer the dialog. */
export function FileDropZone({ title, hint, accept, inputLabel, onPick, label = 'Drop a file here' }: { title: ReactNode; hint: ReactNode; accept: string; inputLabel: string; onPick: (file: File | null) => void; label?: string }) {
  const [dragging, setDragging] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const dropped = e.dataTransfer.files[0];
    if (dropped) onPick(dropped);
  };
  return (
    <Paper
      withBorder
      p="xl"
      radius="md"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      bg={dragging ? 'gold.0' : undefined}
      style={{ borderStyle: 'dashed', borderWidth: 2, borderColor: dragging ? 'var(--mantine-color-gold-6)' : undefined, textAlign: 'center' }}
      aria-label={label}
    >
      <Stack align="center" gap="xs">
        <IconFileSpreadsheet size={40} stroke={1.4} color="var(--mantine-color-gold-7)" />
        <Text fw={500}>{title}</Text>
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
        <FileButton onChange={onPick} accept={accept} inputProps={{ 'aria-label': inputLabel }}>
          {(props) => (
            <Button variant="default" mt="xs" {...props}>
              Choose a file
            </Button>
          )}
        </FileButton>
      </Stack>
    </Paper>
  );
}
