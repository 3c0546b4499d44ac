import { Badge, Card, Table, Text, Title } from '@mantine/core';
import type { MetalRates } from '../../api/contracts';
import { formatDateTime } from '../../ui/format';
import { perGram } from './money';
import { RateChart } from './RateChart';

/** The last rate changes: a chart of them, then a table, newest first. */
export function RateHistory({ history, timeZone }: { history: MetalRates[]; timeZone: string }) {
  return (
    <Card withBorder padding="lg">
      <Title order={3} mb="sm">History</Title>
      <RateChart history={history} timeZone={timeZone} />
      {history.length === 0 ? (
        <Text size="sm" c="dimmed">Each change of rates appears here, by hand or from the feed.</Text>
      ) : (
        <Table striped aria-label="Rate history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>As of</Table.Th>
              <Table.Th ta="right">Gold 24K</Table.Th>
              <Table.Th ta="right">Silver</Table.Th>
              <Table.Th ta="right">Platinum</Table.Th>
              <Table.Th>Source</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.slice(0, 15).map((h) => (
              <Table.Tr key={h.id}>
                <Table.Td>{formatDateTime(h.asOf, timeZone)}</Table.Td>
                <Table.Td ta="right">{perGram(h.gold24)}</Table.Td>
                <Table.Td ta="right">{perGram(h.silver)}</Table.Td>
                <Table.Td ta="right">{perGram(h.platinum)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={h.source === 'feed' ? 'blue' : 'gray'}>{h.source === 'feed' ? 'feed' : 'by hand'}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
