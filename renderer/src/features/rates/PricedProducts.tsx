import { Badge, Button, Card, Group, Table, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { PricedProduct } from '../../api/contracts';
import { rupees } from './money';

function making(p: PricedProduct): string {
  if (!p.pricing) return '—';
  return p.pricing.making.kind === 'percent' ? `${p.pricing.making.value}%` : `${rupees(p.pricing.making.value)}/g`;
}

/** Products with a metal: which are priced by weight, their settings, the catalog price and the worked-out one. */
export function PricedProducts({ products, onEdit }: { products: PricedProduct[]; onEdit: (p: PricedProduct) => void }) {
  const [q, setQ] = useState('');
  const shown = useMemo(() => {
    const words = q.trim().toLowerCase();
    const list = words ? products.filter((p) => `${p.sku} ${p.name} ${p.metal ?? ''} ${p.purity ?? ''}`.toLowerCase().includes(words)) : products;
    return [...list].sort((a, b) => Number(b.pricing?.pricedByWeight ?? false) - Number(a.pricing?.pricedByWeight ?? false) || a.sku.localeCompare(b.sku));
  }, [products, q]);
  const byWeight = products.filter((p) => p.pricing?.pricedByWeight).length;

  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={3}>Priced by weight</Title>
          <Text size="sm" c="dimmed">
            {byWeight} of {products.length} products follow today&apos;s rate. Open one to set its making charge, stones and hallmark fee.
          </Text>
        </div>
        <TextInput placeholder="Find by SKU, name, metal" value={q} onChange={(e) => setQ(e.currentTarget.value)} w={260} aria-label="Find a product" />
      </Group>
      {products.length === 0 ? (
        <Text size="sm" c="dimmed">No products with a metal yet. Add products (with metal, purity and net weight) on the Products screen.</Text>
      ) : (
        <Table.ScrollContainer minWidth={760} maxHeight={520}>
          <Table striped highlightOnHover stickyHeader aria-label="Products priced by weight">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>SKU</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th>Metal</Table.Th>
                <Table.Th ta="right">Net wt</Table.Th>
                <Table.Th>Priced by</Table.Th>
                <Table.Th ta="right">Making</Table.Th>
                <Table.Th ta="right">Catalog price</Table.Th>
                <Table.Th ta="right">At today&apos;s rate</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.slice(0, 300).map((p) => (
                <Table.Tr key={p.sku}>
                  <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>{p.sku}</Table.Td>
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td>{[p.purity, p.metal].filter(Boolean).join(' ')}</Table.Td>
                  <Table.Td ta="right">{p.netWeightGrams === null ? '—' : `${p.netWeightGrams} g`}</Table.Td>
                  <Table.Td>{p.pricing?.pricedByWeight ? <Badge color="yellow" variant="light" style={{ overflow: 'visible' }}>weight</Badge> : <Text size="xs" c="dimmed">fixed price</Text>}</Table.Td>
                  <Table.Td ta="right">{making(p)}</Table.Td>
                  <Table.Td ta="right">{rupees(p.price)}</Table.Td>
                  <Table.Td ta="right" c={p.problem ? 'dimmed' : undefined} title={p.problem ?? undefined}>{p.quote ? rupees(p.quote.price) : p.problem ? 'cannot price' : '—'}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="light" onClick={() => onEdit(p)} disabled={p.problem !== null && !p.pricing}>
                      {p.pricing ? 'Edit' : 'Set up'}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
