import { Anchor, Badge, Box, Card, EmptyState, Group, Rating, SegmentedControl, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconStars } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { FeedbackMonth } from '../../api/contracts';
import { useApi } from '../../api/useApi';
import { useLiveMessages } from '../../api/LiveContext';
import { PageHeader } from '../../ui/PageHeader';
import { DEFAULT_TIME_ZONE, formatDateTime } from '../../ui/format';
import { ErrorState, LoadingState } from '../../ui/StatusStates';

/** "2026-12" → "Dec 2026". */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat('en-IN', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

function MonthCard({ m }: { m: FeedbackMonth }) {
  return (
    <Card withBorder padding="sm" aria-label={`${m.agentName ?? 'No agent'}, ${monthLabel(m.month)}`}>
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600} size="sm" truncate>
          {m.agentName ?? 'No agent'}
        </Text>
        <Text size="xs" c="dimmed">
          {monthLabel(m.month)}
        </Text>
      </Group>
      <Group gap="xs" mt={6} align="center">
        <Text fz={26} fw={700} lh={1}>
          {m.average.toFixed(1)}
        </Text>
        <Rating value={m.average} fractions={10} readOnly size="sm" />
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {m.count} {m.count === 1 ? 'rating' : 'ratings'}
        {m.unhappy ? <Text span c="red.7" fw={600}> · {m.unhappy} unhappy</Text> : null}
      </Text>
    </Card>
  );
}

/** Feedback: average rating and count per agent per month, and the comments, unhappy ones (≤ 2★) highlighted. */
export function FeedbackPage() {
  const [only, setOnly] = useState<'all' | 'unhappy'>('all');
  const { data, error, reload } = useApi('getFeedback');
  const store = useApi('getStore');
  const timeZone = store.data?.timeZone ?? DEFAULT_TIME_ZONE;
  useLiveMessages((m) => {
    if (m.type === 'inbox.alert' || (m.type === 'conversation.event' && m.event.type === 'INBOUND')) reload();
  });
  const recent = (data?.recent ?? []).filter((f) => only === 'all' || f.unhappy);

  return (
    <Box>
      <PageHeader title="Feedback" description="Ratings shoppers give after a chat or a visit: from the feedback form on WhatsApp, or a message like “5 stars”. 1–2 stars also go to your Inbox." />
      {error && !data ? (
        <ErrorState error={error} onRetry={reload} title="Feedback could not be loaded" />
      ) : !data ? (
        <LoadingState />
      ) : data.recent.length === 0 ? (
        <EmptyState py="xl" variant="light" icon={<IconStars />} title="No ratings yet" description="When a shopper sends “5 stars” or fills in the feedback form, the rating shows here per agent and month.">
          <EmptyState.Actions>
            <Text size="sm">Try it in an agent’s simulator in <Anchor component={Link} to="/agents">Agents</Anchor>: send “⭐⭐⭐⭐ lovely staff”.</Text>
          </EmptyState.Actions>
        </EmptyState>
      ) : (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} role="list" aria-label="Ratings per agent and month">
            {data.months.map((m) => (
              <Box role="listitem" key={`${m.month}-${m.agentId ?? 'none'}`}>
                <MonthCard m={m} />
              </Box>
            ))}
          </SimpleGrid>
          <Group justify="space-between">
            <Text fw={600}>Comments</Text>
            <SegmentedControl size="xs" value={only} onChange={(v) => setOnly(v as 'all' | 'unhappy')} data={[{ value: 'all', label: 'All' }, { value: 'unhappy', label: 'Unhappy (1–2★)' }]} />
          </Group>
          <Table striped={false} highlightOnHover aria-label="Ratings">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Shopper</Table.Th>
                <Table.Th>Agent</Table.Th>
                <Table.Th>Rating</Table.Th>
                <Table.Th>Comment</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {recent.map((f) => (
                <Table.Tr key={f.id} bg={f.unhappy ? 'var(--mantine-color-red-0)' : undefined} data-unhappy={f.unhappy || undefined}>
                  <Table.Td><Text size="sm">{formatDateTime(f.at, timeZone)}</Text></Table.Td>
                  <Table.Td><Text size="sm">{f.contactLabel ?? `Contact ${f.contactId}`}</Text></Table.Td>
                  <Table.Td><Text size="sm">{f.agentName ?? '—'}</Text></Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Rating value={f.rating} readOnly size="xs" aria-label={`${f.rating} stars`} />
                      {f.unhappy ? <Badge size="xs" color="red" variant="light">Unhappy</Badge> : null}
                    </Group>
                  </Table.Td>
                  <Table.Td><Text size="sm" c={f.comment ? undefined : 'dimmed'}>{f.comment ?? 'No comment'}{f.source === 'flow' ? <Badge ml={6} size="xs" variant="outline" color="gray">form</Badge> : null}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Box>
  );
}
