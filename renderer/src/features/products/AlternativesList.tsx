import { Badge, Paper, Table, Text, Title } from '@mantine/core';
import type { AlternativeHit, Relaxable } from '../../api/contracts';
import { formatRupees } from './money';

const constraintNames: Record<Relaxable, string> = {
  price: 'Price',
  weight: 'Weight',
  stock: 'Stock',
  purity: 'Purity',
  metal: 'Metal',
  stones: 'Stones',
  style: 'Style',
  occasion: 'Occasion',
  gender: 'Gender',
  category: 'Category',
  words: 'Words',
};

/** Near misses: each breaks one thing the shopper asked for, and says which. Never shown as matches. */
export function AlternativesList({ alternatives }: { alternatives: AlternativeHit[] }) {
  return (
    <Paper withBorder p="md" mb="sm" radius="md" bg="orange.0" component="section" aria-label="Nearest alternatives">
      <Title order={2} fz="h5" mb={4}>
        Nothing matches everything — nearest alternatives
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        These are not matches. Each one differs from the request in the way shown.
      </Text>
      <Table striped highlightOnHover withTableBorder bg="white">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>SKU</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th ta="right">Price</Table.Th>
            <Table.Th>Differs in</Table.Th>
            <Table.Th>Asked for</Table.Th>
            <Table.Th>This one has</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {alternatives.map((alt) => (
            <Table.Tr key={alt.sku}>
              <Table.Td ff="monospace">{alt.sku}</Table.Td>
              <Table.Td>{alt.name}</Table.Td>
              <Table.Td ta="right">{formatRupees(alt.price)}</Table.Td>
              <Table.Td>
                <Badge color="orange" variant="light" tt="none">
                  {constraintNames[alt.relaxed.constraint]}
                </Badge>
              </Table.Td>
              <Table.Td>{alt.relaxed.wanted}</Table.Td>
              <Table.Td>{alt.relaxed.offered}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
