import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Avatar, Card, Group, Image, Stack, Text, Tooltip } from '@mantine/core';
import type { Agent, Deal } from '../../api/contracts';
import { AgentAvatar } from '../agents/AgentAvatar';
import { rupees, timeInStage } from './pipelineMoves';

function Products({ skus }: { skus: string[] }) {
  if (!skus.length) return null;
  return (
    <Group gap={4} wrap="nowrap" aria-label={`${skus.length} product${skus.length === 1 ? '' : 's'}`}>
      {skus.slice(0, 3).map((sku) => (
        <Image key={sku} src={`/api/products/${encodeURIComponent(sku)}/image`} alt={sku} w={28} h={28} radius="sm" fit="cover" fallbackSrc="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E" />
      ))}
      {skus.length > 3 ? (
        <Text size="xs" c="dimmed">
          +{skus.length - 3}
        </Text>
      ) : null}
    </Group>
  );
}

/** A deal as its card shows it (also the drag overlay). */
export function DealCardBody({ deal, agent, now }: { deal: Deal; agent: Agent | undefined; now: Date }) {
  return (
    <Stack gap={6}>
      <Text fw={600} size="sm" lineClamp={2}>
        {deal.title}
      </Text>
      <Text fw={600} size="sm" c="gold.8" data-value>
        {deal.value > 0 ? rupees(deal.value) : 'No value yet'}
      </Text>
      <Text size="xs" lineClamp={1}>
        {deal.contactName ?? 'Unknown shopper'}
      </Text>
      {deal.contactPhone ? (
        <Text size="xs" c="dimmed" lineClamp={1}>
          {deal.contactPhone}
        </Text>
      ) : null}
      {deal.nextStep ? (
        <Text size="xs" lineClamp={2}>
          Next: {deal.nextStep}
        </Text>
      ) : null}
      {deal.stage === 'lost' && deal.lostReason ? (
        <Text size="xs" c="red.7" lineClamp={1}>
          Lost: {deal.lostReason}
        </Text>
      ) : null}
      <Products skus={deal.products} />
      <Group justify="space-between" wrap="nowrap" gap={6}>
        {agent ? (
          <Tooltip label={agent.name}>
            <AgentAvatar agent={agent} size={22} />
          </Tooltip>
        ) : deal.agentName ? (
          <Avatar size={22} radius="xl" color="gold" title={deal.agentName}>
            {deal.agentName.slice(0, 2)}
          </Avatar>
        ) : (
          <span />
        )}
        <Text size="xs" c="dimmed" title="Time in this stage" style={{ whiteSpace: 'nowrap' }}>
          {timeInStage(deal.stageChangedAt, now)}
        </Text>
      </Group>
    </Stack>
  );
}

/** A card on the board: drag it (pointer or keyboard), or click it to open the deal. */
export function DealCard({ deal, agent, now, onOpen }: { deal: Deal; agent: Agent | undefined; now: Date; onOpen: (deal: Deal) => void }) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: `deal:${deal.id}` });
  return (
    <Card
      ref={setNodeRef}
      withBorder
      radius="md"
      p="xs"
      data-deal={deal.id}
      style={{ transform: CSS.Transform.toString(transform), transition, opacity: isDragging ? 0.4 : 1, cursor: 'grab' }}
      {...attributes}
      {...listeners}
      aria-label={`${deal.title}, ${deal.contactName ?? 'unknown shopper'}, ${deal.value > 0 ? rupees(deal.value) : 'no value yet'}`}
      aria-roledescription="deal card"
      onClick={() => onOpen(deal)}
      onKeyDown={(e) => {
        listeners?.onKeyDown?.(e);
        // Space picks the card up; Enter opens it (while it is being carried, Enter drops it instead)
        if (e.key === 'Enter' && !isDragging && !e.defaultPrevented) onOpen(deal);
      }}
    >
      <DealCardBody deal={deal} agent={agent} now={now} />
    </Card>
  );
}
