import { Button, EmptyState, SimpleGrid } from '@mantine/core';
import { IconUserStar } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { LiveIndicator } from '../../ui/LiveIndicator';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorState, LoadingState } from '../../ui/StatusStates';
import { useAgentActions } from '../agents/useAgentActions';
import { FleetCard, type FleetAction } from './FleetCard';
import { useFleet } from './useFleet';

/** Fleet: one card per agent with today's work, live. */
export function FleetPage() {
  const fleet = useFleet();
  const [busy, setBusy] = useState<number | null>(null);
  const act = useAgentActions(() => fleet.reload());
  const cards = fleet.data?.cards;

  const onAction = async (agentId: number, action: FleetAction) => {
    const card = cards?.find((c) => c.agent.id === agentId);
    if (!card) return;
    setBusy(agentId);
    try {
      await act(card.agent, action);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageHeader title="Fleet" description="Your agents at a glance: what each did today, and pause or resume them in one click." extra={<LiveIndicator />} />
      {cards === undefined && fleet.error ? (
        <ErrorState error={fleet.error} onRetry={fleet.reload} title="The fleet could not be loaded" />
      ) : cards === undefined ? (
        <LoadingState label="Loading your agents…" />
      ) : cards.length === 0 ? (
        <EmptyState
          icon={<IconUserStar />}
          title="No agents yet"
          description="Create an agent in Agents; it appears here with what it does each day."
          py="xl"
        >
          <EmptyState.Actions>
            <Button component={Link} to="/agents">
              Open Agents
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {cards.map((card) => (
            <FleetCard key={card.agent.id} card={card} busy={busy === card.agent.id} onAction={(action) => void onAction(card.agent.id, action)} />
          ))}
        </SimpleGrid>
      )}
    </>
  );
}
