import { ActionIcon, Badge, Button, Group, NavLink, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus, IconSend, IconUsers } from '@tabler/icons-react';
import type { Segment } from '../../api/contracts';
import { formatCount } from '../products/money';

export interface SegmentsPanelProps {
  segments: Segment[] | undefined;
  error: unknown;
  selected: number | null;
  total: number;
  onSelect: (id: number | null) => void;
  onEdit: (segment: Segment) => void;
  onNew: () => void;
  onSend: (segment: Segment) => void;
}

/** All contacts, the built-in segments and the owner's own, each with how many match now. */
export function SegmentsPanel({ segments, error, selected, total, onSelect, onEdit, onNew, onSend }: SegmentsPanelProps) {
  return (
    <Paper withBorder radius="md" p="xs" w={270} style={{ flexShrink: 0 }} component="nav" aria-label="Segments">
      <Text size="xs" tt="uppercase" fw={700} c="dimmed" px="xs" mb={4}>
        Segments
      </Text>
      <NavLink
        label="All contacts"
        leftSection={<IconUsers size={16} />}
        rightSection={<Badge variant="light" color="gray">{formatCount(total)}</Badge>}
        active={selected === null}
        onClick={() => onSelect(null)}
      />
      {error ? (
        <Text size="sm" c="red" px="xs">
          Segments could not be loaded: {error instanceof Error ? error.message : 'unknown error'}
        </Text>
      ) : null}
      <Stack gap={0}>
        {(segments ?? []).map((s) => (
          <Group key={s.id} gap={0} wrap="nowrap" data-segment={s.name}>
            <NavLink
              label={s.name}
              description={s.builtIn ? 'Built in' : undefined}
              active={selected === s.id}
              onClick={() => onSelect(s.id)}
              rightSection={<Badge variant="light" aria-label={`${s.name} count`}>{formatCount(s.count)}</Badge>}
              style={{ flex: 1 }}
            />
            <Tooltip label="Edit the rules" withinPortal>
              <ActionIcon variant="subtle" color="gray" aria-label={`Edit ${s.name}`} onClick={() => onEdit(s)}>
                <IconPencil size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Send a template" withinPortal>
              <ActionIcon variant="subtle" color="gray" aria-label={`Send a template to ${s.name}`} onClick={() => onSend(s)}>
                <IconSend size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        ))}
      </Stack>
      <Button variant="subtle" fullWidth mt="xs" leftSection={<IconPlus size={16} />} onClick={onNew}>
        New segment
      </Button>
    </Paper>
  );
}
