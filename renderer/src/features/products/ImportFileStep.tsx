import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { FileDropZone } from '../../ui/FileDropZone';
import { formatBytes } from '../../ui/format';
import { IMPORT_ACCEPT } from './importRules';
import type { ImportWizardState } from './useImportWizard';

/** Step 1: drop or pick the stock file; the wrong kind is refused here with what to do instead. */
export function ImportFileStep({ wizard }: { wizard: ImportWizardState }) {
  const { file, fileProblem } = wizard;
  return (
    <Stack gap="md">
      <FileDropZone
        title="Drop your stock spreadsheet here"
        hint="CSV or Excel (.xlsx), up to 50 MB, with any column names — you match them in the next step."
        accept={IMPORT_ACCEPT}
        inputLabel="Spreadsheet file"
        label="Drop a spreadsheet here"
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
