import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { formatCount } from './money';
import type { ImportWizardState } from './useImportWizard';

/** Step 3: the import runs on the server; this follows it. Closing the window does not stop it. */
export function ImportProgressStep({ wizard }: { wizard: ImportWizardState }) {
  const { job } = wizard;
  if (!job) return null;
  const { processed, total } = job.progress;
  const percent = total > 0 ? Math.min(100, Math.round((processed / total) * 100)) : 0;
  if (job.status === 'failed') {
    return (
      <Stack gap="md">
        <Alert color="red" variant="light" role="alert" title="The import stopped">
          {job.error ?? 'The import failed.'} Products imported before it stopped are kept.
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={wizard.reset}>
            Start again
          </Button>
        </Group>
      </Stack>
    );
  }
  const waiting = job.status === 'queued';
  return (
    <Stack gap="sm" py="md">
      <Text fw={500}>{waiting ? 'Waiting for another import to finish…' : `Importing ${job.fileName}…`}</Text>
      <Progress value={waiting ? 0 : percent} size="xl" radius="xl" striped animated aria-label="Import progress" />
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {formatCount(processed)} of {formatCount(total)} rows ({percent}%)
      </Text>
      {wizard.error ? (
        <Text size="sm" c="red">
          {wizard.error}
        </Text>
      ) : null}
      <Text size="xs" c="dimmed">
        You can close this window; the import carries on and the grid updates when it is done.
      </Text>
    </Stack>
  );
}
