import { Alert, Button, FileButton, Group, Paper, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState, type DragEvent } from 'react';
import { formatBytes } from '../../ui/format';
import { IMPORT_ACCEPT } from './importRules';
import type { ImportWizardState } from './useImportWizard';

/** Step 1: drop or pick the stock file; the wrong kind is refused here with what to do instead. */
export function ImportFileStep({ wizard }: { wizard: ImportWizardState }) {
  const [dragging, setDragging] = useState(false);
  const { file, fileProblem } = wizard;
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const dropped = e.dataTransfer.files[0];
    if (dropped) wizard.pick(dropped);
  };
  return (
    <Stack gap="md">
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
        aria-label="Drop a spreadsheet here"
      >
        <Stack align="center" gap="xs">
          <IconFileSpreadsheet size={40} stroke={1.4} color="var(--mantine-color-gold-7)" />
          <Text fw={500}>Drop your stock spreadsheet here</Text>
          <Text size="sm" c="dimmed">
            CSV or Excel (.xlsx), up to 50 MB, with any column names — you match them in the next step.
          </Text>
          <FileButton onChange={wizard.pick} accept={IMPORT_ACCEPT} inputProps={{ 'aria-label': 'Spreadsheet file' }}>
            {(props) => (
              <Button variant="default" mt="xs" {...props}>
                Choose a file
              </Button>
            )}
          </FileButton>
        </Stack>
      </Paper>
      {file ? (
        <Group gap="xs" aria-label="Chosen file">
          <IconFileSpreadsheet size={18} />
          <Text fw={500}>{file.name}</Text>
          <Text c="dimmed">{formatBytes(file.size)}</Text>
        </Group>
      ) : null}
      {fileProblem ?? wizard.error ? (
        <Alert color="red" variant="light" role="alert" title={fileProblem ? 'This file cannot be imported' : 'The file could not be read'}>
          {fileProblem ?? wizard.error}
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button leftSection={<IconUpload size={18} />} disabled={!file || !!fileProblem} loading={wizard.busy} onClick={() => void wizard.upload()}>
          Read the file
        </Button>
      </Group>
    </Stack>
  );
}
