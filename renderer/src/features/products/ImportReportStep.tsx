import { Alert, Anchor, Button, Group, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { ImportCount } from '../../ui/ImportPieces';
import { formatCount } from './money';
import { rejectedRowsUrl } from './productUrls';
import type { ImportWizardState } from './useImportWizard';

const SHOWN = 200;

/** Step 4: what the import did, and every row it could not read with the reason. */
export function ImportReportStep({ wizard, onClose }: { wizard: ImportWizardState; onClose: () => void }) {
  const job = wizard.job;
  const report = job?.report;
  if (!job || !report) return null;
  const { rejected, warnings } = report;
  return (
    <Stack gap="md">
      <SimpleGrid cols={4}>
        <ImportCount label="Created" value={report.created} color="teal.8" />
        <ImportCount label="Updated" value={report.updated} color="blue.8" />
        <ImportCount label="Unchanged" value={report.unchanged} />
        <ImportCount label="Rejected" value={rejected.length} color={rejected.length ? 'red.8' : undefined} />
      </SimpleGrid>
      {rejected.length > 0 ? (
        <>
          <Group justify="space-between">
            <Title order={3} fz="h5">
              Rows that were not imported
            </Title>
            <Anchor href={rejectedRowsUrl(job.id)} download>
              <Group gap={4}>
                <IconDownload size={16} />
                Download rejected rows (CSV)
              </Group>
            </Anchor>
          </Group>
          <Text size="sm" c="dimmed">
            Everything else was imported. Fix these rows in the downloaded file and import it again.
          </Text>
          <ScrollArea.Autosize mah={260} type="auto">
            <Table striped withTableBorder aria-label="Rejected rows">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={80}>Row</Table.Th>
                  <Table.Th>Reason</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rejected.slice(0, SHOWN).map((r) => (
                  <Table.Tr key={r.row}>
                    <Table.Td>{r.row}</Table.Td>
                    <Table.Td>{r.reason}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          {rejected.length > SHOWN ? <Text size="sm" c="dimmed">{`And ${formatCount(rejected.length - SHOWN)} more in the download.`}</Text> : null}
        </>
      ) : (
        <Alert color="teal" variant="light">
          Every row was read.
        </Alert>
      )}
      {warnings.length > 0 ? (
        <Alert color="yellow" variant="light" title="Imported, with notes">
          {warnings.slice(0, 20).map((w) => (
            <Text size="sm" key={`${w.row}-${w.message}`}>
              Row {w.row}: {w.message}
            </Text>
          ))}
        </Alert>
      ) : null}
      <Group justify="space-between">
        <Button variant="default" onClick={wizard.reset}>
          Import another file
        </Button>
        <Button onClick={onClose}>Done</Button>
      </Group>
    </Stack>
  );
}
