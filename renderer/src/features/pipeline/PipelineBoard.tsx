import {
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardCode,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { ActionIcon, Box, Group, Paper, ScrollArea, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { Agent, Deal, DealStage } from '../../api/contracts';
import { DealCard, DealCardBody } from './DealCard';
import { columns, dealAnnouncements, DRAG_INSTRUCTIONS, dropTarget, rupees, stageLabel, STAGES, totals } from './pipelineMoves';

function Column(props: { stage: DealStage; deals: Deal[]; agents: Map<number, Agent>; now: Date; onOpen: (d: Deal) => void; collapsed?: boolean; onToggle?: () => void }) {
  const { stage, deals, collapsed } = props;
  const { setNodeRef, isOver } = useDroppable({ id: `stage:${stage}` });
  const t = totals(deals);
  return (
    <Paper
      ref={setNodeRef}
      data-stage={stage}
      role="region"
      aria-label={`${stageLabel(stage)}: ${t.count} deal${t.count === 1 ? '' : 's'}, ${rupees(t.value)}`}
      withBorder
      radius="md"
      p="xs"
      bg={isOver ? 'gold.0' : stage === 'sold' ? 'teal.0' : stage === 'lost' ? 'gray.1' : 'gray.0'}
      style={{ ...(collapsed ? { width: 56, flex: '0 0 auto' } : { flex: '1 1 0', minWidth: 180 }), borderStyle: isOver ? 'dashed' : undefined, display: 'flex', flexDirection: 'column', minHeight: 420 }}
    >
      <Group justify="space-between" wrap="nowrap" mb="xs" gap={4}>
        {collapsed ? null : (
          <Box>
            <Title order={2} fz="sm">
              {stageLabel(stage)} <Text span c="dimmed" fz="sm">· {t.count}</Text>
            </Title>
            <Text size="xs" c="dimmed" data-total={stage}>
              {rupees(t.value)}
            </Text>
          </Box>
        )}
        {props.onToggle ? (
          <Tooltip label={collapsed ? `Show ${stageLabel(stage)}` : `Hide ${stageLabel(stage)}`}>
            <ActionIcon variant="subtle" color="gray" onClick={props.onToggle} aria-label={collapsed ? `Show ${stageLabel(stage)} deals (${t.count})` : `Hide ${stageLabel(stage)} deals`} aria-expanded={!collapsed}>
              {collapsed ? <IconChevronLeft size={16} /> : <IconChevronRight size={16} />}
            </ActionIcon>
          </Tooltip>
        ) : null}
      </Group>
      {collapsed ? (
        <Text size="xs" c="dimmed" ta="center" style={{ writingMode: 'vertical-rl' }}>
          {stageLabel(stage)} · {t.count}
        </Text>
      ) : (
        <SortableContext items={deals.map((d) => `deal:${d.id}`)} strategy={verticalListSortingStrategy}>
          <Stack gap="xs" style={{ flex: 1 }}>
            {deals.map((d) => (
              <DealCard key={d.id} deal={d} agent={d.agentId !== null ? props.agents.get(d.agentId) : undefined} now={props.now} onOpen={props.onOpen} />
            ))}
            {deals.length === 0 ? (
              <Text size="xs" c="dimmed" ta="center" mt="md">
                No deals here
              </Text>
            ) : null}
          </Stack>
        </SortableContext>
      )}
    </Paper>
  );
}

/**
 * The Kanban: a column per stage (Lost collapsible), cards dragged with the pointer or the keyboard.
 * `onMove` is called with the deal, its new stage and its place in that column.
 */
export function PipelineBoard(props: { deals: Deal[]; agents: Map<number, Agent>; onMove: (deal: Deal, stage: DealStage, position: number) => void; onOpen: (deal: Deal) => void; now?: Date }) {
  const { deals } = props;
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: sortableKeyboardCoordinates,
      keyboardCodes: { start: [KeyboardCode.Space], cancel: [KeyboardCode.Esc], end: [KeyboardCode.Space, KeyboardCode.Enter] },
    }),
  );
  const [active, setActive] = useState<Deal | null>(null);
  const [lostOpen, setLostOpen] = useState(false);
  const lastDrop = useRef(0);
  const cols = columns(deals);
  const now = props.now ?? new Date();

  const onDragEnd = ({ active: a, over }: DragEndEvent) => {
    setActive(null);
    lastDrop.current = Date.now();
    const deal = deals.find((d) => `deal:${d.id}` === String(a.id));
    if (!deal) return;
    const target = dropTarget(deals, deal.id, over?.id);
    if (target) props.onMove(deal, target.stage, target.position);
  };
  // a pointer drag ends with a click on the card it dropped: that is not an "open"
  const open = (d: Deal) => {
    if (Date.now() - lastDrop.current > 250) props.onOpen(d);
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCorners}
      accessibility={{ announcements: dealAnnouncements(() => deals), screenReaderInstructions: { draggable: DRAG_INSTRUCTIONS } }}
      onDragStart={({ active: a }) => setActive(deals.find((d) => `deal:${d.id}` === String(a.id)) ?? null)}
      onDragCancel={() => setActive(null)}
      onDragEnd={onDragEnd}
    >
      <ScrollArea type="auto" offsetScrollbars>
        <Group align="stretch" wrap="nowrap" gap="sm" pb="sm">
          {STAGES.map((stage) => (
            <Column
              key={stage}
              stage={stage}
              deals={cols[stage]}
              agents={props.agents}
              now={now}
              onOpen={open}
              {...(stage === 'lost' ? { collapsed: !lostOpen, onToggle: () => setLostOpen((o) => !o) } : {})}
            />
          ))}
        </Group>
      </ScrollArea>
      <DragOverlay>{active ? <Paper data-overlay-deal={active.id} withBorder shadow="md" radius="md" p="xs" w={248}><DealCardBody deal={active} agent={active.agentId !== null ? props.agents.get(active.agentId) : undefined} now={now} /></Paper> : null}</DragOverlay>
    </DndContext>
  );
}
