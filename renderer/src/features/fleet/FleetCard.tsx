import { Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCopy, IconPencil, IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { FleetCard as FleetCardData } from '../../api/contracts';
import { AgentAvatar } from '../agents/AgentAvatar';
import { rupees, timeAgo } from './fleetFormat';
import { Sparkline } from './Sparkline';

const STATE = {
  active: { color: 'teal', label: 'Active' },
  paused: { color: 'orange', label: 'Paused' },
  error: { color: 'red', label: 'Error' },
} as const;

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text fz="lg" fw={700} lh={1.2}>
        {value}
      </Text>
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}

export type FleetAction = 'pause' | 'resume' | 'clone';

/** One agent at a glance: state, today's numbers, the last 24 hours, and what the owner can do. */
export function FleetCard({ card, busy, onAction, now }: { card: FleetCardData; busy: boolean; onAction: (action: FleetAction) => void; now?: Date }) {
  const { agent } = card;
  const state = STATE[card.state];
  const paused = agent.status === 'paused';
  return (
    <Card withBorder radius="md" padding="md" aria-label={`${agent.name} card`} component="article">
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="sm">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <AgentAvatar agent={agent} size={44} />
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text fw={700} truncate>
              {agent.name}
            </Text>
            <Text fz="sm" c="dimmed" truncate>
              {agent.role || 'Agent'}
            </Text>
            {agent.isDefault ? (
              <Text fz="xs" c="dimmed">
                Answers your WhatsApp number
              </Text>
            ) : null}
          </Stack>
        </Group>
        <Badge color={state.color} variant="light" aria-label={`State: ${state.label}`} style={{ flexShrink: 0 }}>
          {state.label}
        </Badge>
      </Group>
      <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs" mb="sm">
        <Stat label="Conversations today" value={card.conversationsToday.toLocaleString('en-IN')} />
        <Stat label="Messages today" value={card.messagesToday.toLocaleString('en-IN')} />
        <Stat label="Open hand-offs" value={card.openHandoffs.toLocaleString('en-IN')} />
        <Stat label="Pipeline value" value={rupees(card.pipelineValue)} />
      </SimpleGrid>
      <Group justify="space-between" align="flex-end" mb="sm" wrap="nowrap">
        <Text fz="xs" c="dimmed" title={card.lastActivity ?? undefined}>
          Last activity: {timeAgo(card.lastActivity, now)}
        </Text>
        <Sparkline values={card.activity} label={`${agent.name}: ${card.activity.reduce((a, b) => a + b, 0).toLocaleString('en-IN')} events in the last 24 hours`} />
      </Group>
      {paused ? (
        <Text fz="xs" c="orange.8" mb="xs">
          Paused: {agent.whenPaused === 'inbox' ? 'new messages wait in the Inbox for a person.' : 'shoppers get your away message.'}
        </Text>
      ) : null}
      <Group gap="xs">
        <Button
          size="xs"
          variant="light"
          color={paused ? 'teal' : 'orange'}
          loading={busy}
          leftSection={paused ? <IconPlayerPlay size={14} /> : <IconPlayerPause size={14} />}
          onClick={() => onAction(paused ? 'resume' : 'pause')}
        >
          {paused ? 'Resume' : 'Pause'}
        </Button>
        <Button size="xs" variant="default" component={Link} to={`/agents/${agent.id}`} leftSection={<IconPencil size={14} />}>
          Edit
        </Button>
        <Button size="xs" variant="default" disabled={busy} leftSection={<IconCopy size={14} />} onClick={() => onAction('clone')}>
          Clone
        </Button>
      </Group>
    </Card>
  );
}
