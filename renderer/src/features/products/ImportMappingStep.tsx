import { Alert, Badge, Button, Group, NativeSelect, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { PRODUCT_FIELD_LABELS, PRODUCT_FIELDS, ProductFieldSchema } from '../../api/contracts';
import { firstSample, ImportPreviewTable } from '../../ui/ImportPieces';
import { formatCount } from './money';
import { mappedColumns } from './importRules';
import type { ImportWizardState } from './useImportWizard';

const IGNORE = '';
const fieldOptions = [{ value: IGNORE, label: 'Ignore this column' }, ...PRODUCT_FIELDS.map((f) => ({ value: f, label: PRODUCT_FIELD_LABELS[f] }))];

/** Step 2: each column of the file and the product field it fills, with sample rows as they will import. */
export function ImportMappingStep({ wizard }: { wizard: ImportWizardState }) {
  const { preview, mapping, check } = wizard;
  if (!preview) return null;
  const columns = mappedColumns(mapping);

  return (
    <Stack gap="md">
      <Group gap="xs">
        <Text>
          <b>{preview.fileName}</b> · {formatCount(preview.rowCount)} rows · {preview.headers.length} columns
        </Text>
        <Badge variant="light" color={preview.mappingSource === 'remembered' ? 'teal' : 'gold'} tt="none">
          {preview.mappingSource === 'remembered' ? 'Matched as last time for this file' : 'Suggested from the column names and values'}
        </Badge>
      </Group>
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
            {preview.headers.map((header) => (
              <Table.Tr key={header}>
                <Table.Td fw={500}>{header}</Table.Td>
                <Table.Td w={240}>
                  <NativeSelect
                    aria-label={`Field for column ${header}`}
                    data={fieldOptions}
                    value={mapping[header] ?? IGNORE}
                    error={check.perHeader[header]}
                    onChange={(e) => {
                      const parsed = ProductFieldSchema.safeParse(e.currentTarget.value);
                      wizard.setField(header, parsed.success ? parsed.data : null);
                    }}
                  />
                </Table.Td>
                <Table.Td c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {firstSample(preview, header)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>

      <ImportPreviewTable preview={preview} columns={columns.map(({ field, header }) => ({ key: field, label: PRODUCT_FIELD_LABELS[field], header }))} />

      {check.blocking ? (
        <Alert color="red" variant="light" role="alert">
          {check.blocking}
        </Alert>
      ) : check.warning ? (
        <Alert color="yellow" variant="light">
          {check.warning}
        </Alert>
      ) : null}
      {wizard.error ? (
        <Alert color="red" variant="light" role="alert" title="The import did not start">
          {wizard.error}
        </Alert>
      ) : null}
      <Group justify="space-between">
        <Button variant="default" onClick={wizard.reset}>
          Choose another file
        </Button>
        <Button disabled={!!check.blocking} loading={wizard.busy} onClick={() => void wizard.run()}>
          Import {formatCount(preview.rowCount)} rows
        </Button>
      </Group>
    </Stack>
  );
}
