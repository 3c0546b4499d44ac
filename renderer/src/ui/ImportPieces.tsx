import { Paper, ScrollArea, Table, Text, Title } from '@mantine/core';
import { formatCount } from './format';

/** The pieces both import wizards (stock, customers) show the same way. */

/** The first non-blank sample value of a column, shown beside its mapping. */
export function firstSample(preview: { headers: string[]; sampleRows: string[][] }, header: string): string {
  const i = preview.headers.indexOf(header);
  return preview.sampleRows.map((r) => r[i] ?? '').find((v) => v.trim() !== '') ?? '';
}

/** "The first rows as they will import": one column per mapped field, in mapping order. */
export function ImportPreviewTable({ preview, columns, rows = 5 }: { preview: { headers: string[]; sampleRows: string[][] }; columns: { key: string; label: string; header: string }[]; rows?: number }) {
  return (
    <>
      <Title order={3} fz="h5">
        The first rows as they will import
      </Title>
      <ScrollArea type="auto">
        <Table striped withTableBorder withColumnBorders aria-label="Import preview" fz="sm">
          <Table.Thead>
            <Table.Tr>
              {columns.map(({ key, label }) => (
                <Table.Th key={key} style={{ whiteSpace: 'nowrap' }}>
                  {label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.sampleRows.slice(0, rows).map((row, i) => (
              <Table.Tr key={i}>
                {columns.map(({ key, header }) => (
                  <Table.Td key={key}>{row[preview.headers.indexOf(header)] ?? ''}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </>
  );
}

/** One figure of an import's report ("Created 1,204"). */
export function ImportCount({ label, value, color }: { label: string; value: number; color?: string | undefined }) {
  return (
    <Paper withBorder p="sm" radius="md" aria-label={label}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={28} fw={600} c={color}>
        {formatCount(value)}
      </Text>
    </Paper>
  );
}
