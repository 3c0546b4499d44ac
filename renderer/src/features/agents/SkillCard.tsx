import { useDraggable } from '@dnd-kit/core';
import { ActionIcon, Badge, Button, Group, Paper, Stack, Switch, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconGripVertical, IconLock, IconSettings } from '@tabler/icons-react';
import type { SkillInfo } from '../../api/contracts';
import { SkillIcon } from './skillIcons';

export interface SkillCardProps {
  skill: SkillInfo;
  enabled: boolean;
  locked: boolean;
  onToggle: (on: boolean) => void;
  onSettings?: () => void;
}

/** A card the person can drag by its handle (pointer or keyboard) between "On this agent" and the Store. */
export function DraggableSkillCard(props: SkillCardProps) {
  const movable = props.skill.available && !props.locked;
  const { setNodeRef, setActivatorNodeRef, listeners, attributes, isDragging } = useDraggable({ id: props.skill.id, disabled: !movable });
  const handle = movable ? { ref: setActivatorNodeRef, props: { ...attributes, ...listeners } } : undefined;
  return <SkillCard {...props} nodeRef={setNodeRef} handle={handle} dragging={isDragging} />;
}

interface CardLayoutProps extends SkillCardProps {
  nodeRef?: (el: HTMLElement | null) => void;
  handle?: { ref: (el: HTMLElement | null) => void; props: Record<string, unknown> } | undefined;
  dragging?: boolean;
  /** Drawn in the drag overlay, following the pointer. */
  overlay?: boolean;
}

/** One skill: icon, name, summary, its switch, a drag handle and (when it has any) its settings. */
export function SkillCard({ skill, enabled, locked, onToggle, onSettings, nodeRef, handle, dragging = false, overlay = false }: CardLayoutProps) {
  const movable = skill.available && !locked;
  const isDragging = dragging;
  return (
    <Paper
      ref={nodeRef}
      withBorder
      radius="md"
      p="xs"
      shadow={overlay ? 'md' : undefined}
      data-skill={skill.id}
      aria-label={`${skill.name} skill`}
      role="group"
      style={{ opacity: isDragging ? 0.35 : skill.available ? 1 : 0.55, background: 'var(--mantine-color-body)' }}
    >
      <Group wrap="nowrap" gap="xs" align="flex-start">
        {movable ? (
          <ActionIcon
            ref={handle?.ref}
            variant="subtle"
            color="gray"
            size="sm"
            mt={4}
            aria-label={`Move ${skill.name}`}
            tabIndex={overlay ? -1 : undefined}
            style={{ cursor: overlay ? 'grabbing' : 'grab', touchAction: 'none' }}
            {...handle?.props}
          >
            <IconGripVertical size={16} />
          </ActionIcon>
        ) : (
          <ActionIcon variant="transparent" color="gray" size="sm" mt={4} tabIndex={-1} aria-hidden disabled>
            {locked ? <IconLock size={14} /> : <IconGripVertical size={16} />}
          </ActionIcon>
        )}
        <ThemeIcon variant="light" color={skill.available ? 'gold' : 'gray'} size="lg" radius="md">
          <SkillIcon name={skill.icon} />
        </ThemeIcon>
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6} wrap="nowrap">
            <Text size="sm" fw={600} truncate>
              {skill.name}
            </Text>
            {!skill.available ? (
              <Badge size="xs" variant="light" color="gray">
                Coming soon
              </Badge>
            ) : locked ? (
              <Badge size="xs" variant="light" color="gold">
                Always on
              </Badge>
            ) : null}
          </Group>
          <Text size="xs" c="dimmed" lineClamp={2}>
            {skill.summary}
          </Text>
          {onSettings && skill.available ? (
            <Button variant="subtle" size="compact-xs" leftSection={<IconSettings size={14} />} w="fit-content" px={4} onClick={onSettings} aria-label={`Settings of ${skill.name}`}>
              Settings
            </Button>
          ) : null}
        </Stack>
        <Tooltip label={locked ? 'Every agent can tell shoppers your hours and address' : 'Coming with a later release'} disabled={skill.available && !locked}>
          <Switch
            mt={4}
            aria-label={`${skill.name} on this agent`}
            checked={enabled}
            disabled={!skill.available || locked}
            onChange={(e) => onToggle(e.currentTarget.checked)}
          />
        </Tooltip>
      </Group>
    </Paper>
  );
}
