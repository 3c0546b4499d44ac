import { DndContext, DragOverlay, KeyboardSensor, PointerSensor, useDroppable, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { AgentSkill, SkillInfo } from '../../api/contracts';
import { DraggableSkillCard, SkillCard } from './SkillCard';
import { AREA_LABELS, DRAG_INSTRUCTIONS, isEnabled, jumpToArea, isLocked, skillAnnouncements, skillCollision, withSkill, type SkillArea } from './skillMoves';
import { SkillSettingsModal } from './SkillSettingsModal';

function DropArea({ id, hint, children }: { id: SkillArea; hint: string; children: ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id });
  return (
    <Paper
      ref={setNodeRef}
      data-area={id}
      role="region"
      aria-label={AREA_LABELS[id]}
      withBorder
      radius="md"
      p="sm"
      bg={isOver ? 'gold.0' : id === 'agent' ? 'white' : 'gray.0'}
      style={{ borderStyle: isOver ? 'dashed' : undefined, borderColor: isOver ? 'var(--mantine-color-gold-5)' : undefined, minHeight: 96 }}
    >
      <Title order={3} fz="sm" mb={4}>
        {AREA_LABELS[id]}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {hint}
      </Text>
      <Stack gap="xs">{children}</Stack>
    </Paper>
  );
}

/**
 * The agent's skills and the Store: drag a card from one area to the other (pointer or keyboard),
 * or flip its switch. Changes go into the agent form and are saved with it.
 */
export function SkillStore({ skills, value, onChange }: { skills: SkillInfo[]; value: AgentSkill[]; onChange: (next: AgentSkill[]) => void }) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: jumpToArea }));
  const [dragging, setDragging] = useState<string | null>(null);
  const [settingsOf, setSettingsOf] = useState<SkillInfo | null>(null);
  const byId = new Map(skills.map((s) => [s.id, s]));
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  const areaOf = (id: string): SkillArea => {
    const skill = byId.get(id);
    return skill && isEnabled(skill, value) ? 'agent' : 'store';
  };

  const toggle = (skill: SkillInfo, on: boolean) => {
    if (isLocked(skill) || !skill.available) return;
    onChange(withSkill(value, skill, { enabled: on }));
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(null);
    const skill = byId.get(String(active.id));
    if (!skill || (over?.id !== 'agent' && over?.id !== 'store')) return;
    const on = over.id === 'agent';
    if (isEnabled(skill, value) !== on) toggle(skill, on);
  };

  const card = (skill: SkillInfo) => {
    const hasSettings = Object.keys((skill.configSchema.properties as object | undefined) ?? {}).length > 0;
    return (
      <DraggableSkillCard
        key={skill.id}
        skill={skill}
        enabled={isEnabled(skill, value)}
        locked={isLocked(skill)}
        onToggle={(on) => toggle(skill, on)}
        onSettings={hasSettings ? () => setSettingsOf(skill) : undefined}
      />
    );
  };
  const onAgent = skills.filter((s) => isEnabled(s, value));
  const inStore = skills.filter((s) => !isEnabled(s, value));
  const active = dragging ? byId.get(dragging) : undefined;
  const current = settingsOf ? value.find((s) => s.id === settingsOf.id) : undefined;

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={skillCollision}
      accessibility={{ announcements: skillAnnouncements(nameOf, areaOf), screenReaderInstructions: { draggable: DRAG_INSTRUCTIONS } }}
      onDragStart={({ active: a }) => setDragging(String(a.id))}
      onDragCancel={() => setDragging(null)}
      onDragEnd={onDragEnd}
    >
      <SimpleGrid cols={1} spacing="sm">
        <DropArea id="agent" hint="What this agent can do in a chat. Drag a skill here, or off to the Store.">
          {onAgent.map(card)}
        </DropArea>
        <DropArea id="store" hint="More skills. Drag one up onto the agent, or flip its switch.">
          {inStore.length > 0 ? inStore.map(card) : <Text size="sm" c="dimmed">Every skill is on this agent.</Text>}
        </DropArea>
      </SimpleGrid>
      <DragOverlay>{active ? <SkillCard skill={active} enabled={isEnabled(active, value)} locked={false} onToggle={() => {}} overlay /> : null}</DragOverlay>
      {settingsOf ? (
        <SkillSettingsModal
          skill={settingsOf}
          config={current?.config ?? {}}
          onApply={(config) => onChange(withSkill(value, settingsOf, { config }))}
          onClose={() => setSettingsOf(null)}
        />
      ) : null}
    </DndContext>
  );
}
