import { Alert, Anchor, Button, Group, NativeSelect, Progress, ScrollArea, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { CONTACT_FIELDS, type ContactImportJob, type ContactImportReport } from '../../api/contracts';
import { firstSample, ImportCount, ImportPreviewTable } from '../../ui/ImportPieces';
import { SpreadsheetFileStep } from '../../ui/SpreadsheetFileStep';
import { formatCount } from '../products/money';
import { CONTACT_FIELD_LABELS, formatPhone } from './contactFormat';
import { CONTACT_IMPORT_ACCEPT, CUSTOM_PREFIX, mappedTargets, targetLabel } from './contactImportRules';
import type { ContactImportState } from './useContactImport';

type Props = { wizard: ContactImportState };
const IGNORE = '';
const CUSTOM = '__custom';
const targetOptions = [
  { value: IGNORE, label: 'Ignore this column' },
  ...CONTACT_FIELDS.map((f) => ({ value: f, label: CONTACT_FIELD_LABELS[f] })),
  { value: CUSTOM, label: 'A new field of my own…' },
];
const SHOWN = 200;

export function FileStep({ wizard }: Props) {
  return <SpreadsheetFileStep wizard={wizard} title="Drop your customer list here" label="Drop a customer list here" inputLabel="Customer file" accept={CONTACT_IMPORT_ACCEPT} />;
}

export function MappingStep({ wizard }: Props) {
  const { preview, mapping, mappingCheck } = wizard;
  if (!preview) return null;
  const columns = mappedTargets(mapping);
  return (
    <Stack gap="md">
      <Text>
        <b>{preview.fileName}</b> · {formatCount(preview.rowCount)} rows · {preview.headers.length} columns · suggested from the column names and values
      </Text>
      <ScrollArea.Autosize mah={300} type="auto">
        <Table verticalSpacing={6} aria-label="Column matching">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Column in your file</Table.Th>
              <Table.Th>Imports as</Table.Th>
              <Table.Th>Example</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.headers.map((header) => {
              const target = mapping[header] ?? null;
              const custom = target?.startsWith(CUSTOM_PREFIX) ?? false;
              return (
                <Table.Tr key={header}>
                  <Table.Td fw={500}>{header}</Table.Td>
                  <Table.Td w={320}>
                    <Group gap="xs" wrap="nowrap" align="flex-start">
                      <NativeSelect
                        aria-label={`Field for column ${header}`}
                        data={targetOptions}
                        value={custom ? CUSTOM : (target ?? IGNORE)}
                        error={custom ? undefined : mappingCheck.perHeader[header]}
                        onChange={(e) => {
                          const v = e.currentTarget.value;
                          wizard.setTarget(header, v === IGNORE ? null : v === CUSTOM ? `${CUSTOM_PREFIX}${header.slice(0, 60)}` : v);
                        }}
                        w={custom ? 150 : '100%'}
                      />
                      {custom ? (
                        <TextInput
                          aria-label={`New field name for column ${header}`}
                          value={target?.slice(CUSTOM_PREFIX.length) ?? ''}
                          maxLength={60}
                          error={mappingCheck.perHeader[header]}
                          onChange={(e) => wizard.setTarget(header, `${CUSTOM_PREFIX}${e.currentTarget.value}`)}
                          flex={1}
                        />
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {firstSample(preview, header)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      <ImportPreviewTable preview={preview} columns={columns.map(({ target, header }) => ({ key: target, label: targetLabel(target), header }))} />
      {mappingCheck.blocking ? (
        <Alert color="red" variant="light" role="alert">
          {mappingCheck.blocking}
        </Alert>
      ) : null}
      {wizard.error ? (
        <Alert color="red" variant="light" role="alert" title="The check did not start">
          {wizard.error}
        </Alert>
      ) : null}
      <Group justify="space-between">
        <Button variant="default" onClick={wizard.reset}>
          Choose another file
        </Button>
        <Button disabled={!!mappingCheck.blocking} loading={wizard.busy} onClick={() => void wizard.start(true)}>
          Check {formatCount(preview.rowCount)} rows
        </Button>
      </Group>
    </Stack>
  );
}

function RowTable({ label, rows }: { label: string; rows: { row: number; text: string }[] }) {
  return (
    <ScrollArea.Autosize mah={200} type="auto">
      <Table striped withTableBorder aria-label={label} fz="sm">
        <Table.Tbody>
          {rows.slice(0, SHOWN).map((r) => (
            <Table.Tr key={`${r.row}-${r.text}`}>
              <Table.Td w={80}>{r.row}</Table.Td>
              <Table.Td>{r.text}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

/** What a run did (or, for the check, would do): counts, duplicates, rejected rows and notes. */
export function ReportDetails({ report, jobId }: { report: ContactImportReport; jobId: string }) {
  const dry = report.dryRun;
  const dupFile = report.duplicatesInFile.map((d) => ({ row: d.row, text: `Same person as row ${d.sameAsRow} (${formatPhone(d.phone)}): merged into one contact` }));
  const dupExisting = report.duplicatesExisting.map((d) => ({ row: d.row, text: `Already a contact (${formatPhone(d.phone)}, #${d.contactId}): ${dry ? 'will be merged' : 'merged'}` }));
  return (
    <Stack gap="md">
      <SimpleGrid cols={4}>
        <ImportCount label={dry ? 'Will be created' : 'Created'} value={report.created} color="teal.8" />
        <ImportCount label={dry ? 'Will be merged' : 'Merged'} value={report.merged} color="blue.8" />
        <ImportCount label="Unchanged" value={report.unchanged} />
        <ImportCount label="Rejected" value={report.rejected.length} color={report.rejected.length ? 'red.8' : undefined} />
      </SimpleGrid>
      {report.rejected.length > 0 ? (
        <Stack gap={6}>
          <Group justify="space-between">
            <Title order={3} fz="h5">
              {dry ? 'Rows that will not be imported' : 'Rows that were not imported'}
            </Title>
            {dry ? null : (
              <Anchor href={`/api/contacts/imports/${encodeURIComponent(jobId)}/rejected.csv`} download>
                <Group gap={4}>
                  <IconDownload size={16} />
                  Download rejected rows (CSV)
                </Group>
              </Anchor>
            )}
          </Group>
          <RowTable label="Rejected rows" rows={report.rejected.map((r) => ({ row: r.row, text: r.reason }))} />
          {report.rejected.length > SHOWN ? <Text size="sm" c="dimmed">{`And ${formatCount(report.rejected.length - SHOWN)} more${dry ? '' : ' in the download'}.`}</Text> : null}
        </Stack>
      ) : (
        <Alert color="teal" variant="light">
          Every row {dry ? 'can be' : 'was'} read.
        </Alert>
      )}
      {dupFile.length + dupExisting.length > 0 ? (
        <Stack gap={6}>
          <Title order={3} fz="h5">
            Duplicates
          </Title>
          <RowTable label="Duplicates" rows={[...dupFile, ...dupExisting].sort((a, b) => a.row - b.row)} />
        </Stack>
      ) : null}
      {report.warnings.length > 0 ? (
        <Alert color="yellow" variant="light" title={dry ? 'Will import, read as follows' : 'Imported, with notes'} aria-label="Import notes">
          {report.warnings.slice(0, 20).map((w) => (
            <Text size="sm" key={`${w.row}-${w.message}`}>
              Row {w.row}: {w.message}
            </Text>
          ))}
          {report.warnings.length > 20 ? <Text size="sm">And {formatCount(report.warnings.length - 20)} more.</Text> : null}
        </Alert>
      ) : null}
    </Stack>
  );
}

function Running({ job, verb }: { job: ContactImportJob; verb: string }) {
  const { processed, total } = job.progress;
  const percent = total > 0 ? Math.min(100, Math.round((processed / total) * 100)) : 0;
  return (
    <Stack gap="sm" py="md">
      <Text fw={500}>
        {verb} {job.fileName}…
      </Text>
      <Progress value={percent} size="xl" radius="xl" striped animated aria-label={`${verb} progress`} />
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {formatCount(processed)} of {formatCount(total)} rows ({percent}%)
      </Text>
    </Stack>
  );
}

function Failed({ job, wizard, what }: { job: ContactImportJob; wizard: ContactImportState; what: string }) {
  return (
    <Stack gap="md">
      <Alert color="red" variant="light" role="alert" title={`The ${what} stopped`}>
        {job.error ?? `The ${what} failed.`}
      </Alert>
      <Group justify="flex-end">
        <Button variant="default" onClick={wizard.reset}>
          Start again
        </Button>
      </Group>
    </Stack>
  );
}

/** The dry run: every problem before anything is saved. */
export function CheckStep({ wizard }: Props) {
  const { check, preview } = wizard;
  if (!check || !preview) return null;
  if (check.status === 'failed') return <Failed job={check} wizard={wizard} what="check" />;
  if (check.status !== 'done' || !check.report) return <Running job={check} verb="Checking" />;
  const report = check.report;
  const readable = Math.max(0, report.rows - report.rejected.length);
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Nothing is saved yet. This is what importing {preview.fileName} will do:
      </Text>
      <ReportDetails report={report} jobId={check.id} />
      {wizard.error ? (
        <Alert color="red" variant="light" role="alert" title="The import did not start">
          {wizard.error}
        </Alert>
      ) : null}
      <Group justify="space-between">
        <Button variant="default" onClick={() => wizard.setStep(1)}>
          Back to the columns
        </Button>
        <Button loading={wizard.busy} disabled={readable === 0} onClick={() => void wizard.start(false)}>
          Import {formatCount(readable)} {readable === 1 ? 'row' : 'rows'}
        </Button>
      </Group>
    </Stack>
  );
}

export function ProgressStep({ wizard }: Props) {
  const { job } = wizard;
  if (!job) return null;
  if (job.status === 'failed') return <Failed job={job} wizard={wizard} what="import" />;
  return (
    <Stack gap={0}>
      <Running job={job} verb="Importing" />
      {wizard.error ? <Text size="sm" c="red">{wizard.error}</Text> : null}
      <Text size="xs" c="dimmed">
        You can close this window; the import carries on and the grid updates when it is done.
      </Text>
    </Stack>
  );
}

export function ReportStep({ wizard, onClose }: Props & { onClose: () => void }) {
  const { job } = wizard;
  if (!job?.report) return null;
  return (
    <Stack gap="md">
      <ReportDetails report={job.report} jobId={job.id} />
      <Group justify="space-between">
        <Button variant="default" onClick={wizard.reset}>
          Import another file
        </Button>
        <Button onClick={onClose}>Done</Button>
      </Group>
    </Stack>
  );
}
