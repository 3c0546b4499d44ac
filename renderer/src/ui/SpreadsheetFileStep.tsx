import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { FileDropZone } from './FileDropZone';
import { formatBytes } from './format';

/** What the first step of an import wizard needs from its wizard state. */
export interface SpreadsheetPick {
  file: File | null;
  /** Why the chosen file is refused before upload (wrong kind, too big), or null. */
  fileProblem: string | null;
  error: string | null;
  busy: boolean;
  pick(file: File | null): void;
  upload(): Promise<void>;
}

/** Step 1 of an import wizard (stock, customers): drop or pick the file; the wrong kind is refused here with what to do instead. */
export function SpreadsheetFileStep({ wizard, title, label, inputLabel, accept }: { wizard: SpreadsheetPick; title: string; label: string; inputLabel: string; accept: string }) {
  const { file, fileProblem } = wizard;
  return (
    <Stack gap="md">
      <FileDropZone
        title={title}
        hint="CSV or Excel (.xlsx), up to 50 MB, with any column names — you match them in the next step."
        accept={accept}
        inputLabel={inputLabel}
        label={label}
        onPick={wizard.pick}
      />
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
