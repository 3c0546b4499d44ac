import { ActionIcon, Badge, Group, Tooltip } from '@mantine/core';
import { IconId } from '@tabler/icons-react';
import type { CustomCellRendererProps } from 'ag-grid-react';
import type { Contact } from '../../api/contracts';
import { displayName, hashTag } from './contactFormat';

/** What the grid's cells can ask the screen to do; passed as the grid's context. */
export interface ContactGridContext {
  onOpen: (contact: Contact) => void;
  errorFor: (id: number, field: string) => string | undefined;
}

type CellProps = CustomCellRendererProps<Contact, unknown, ContactGridContext>;

/** Tags as chips: "#BridalShopper". */
export function TagChips({ tags }: { tags: string[] }) {
  return (
    <Group gap={4} wrap="nowrap" h="100%" style={{ overflow: 'hidden' }}>
      {tags.map((t) => (
        <Badge key={t} variant="light" color="gold" tt="none" radius="sm" data-tag={t}>
          {hashTag(t)}
        </Badge>
      ))}
    </Group>
  );
}

export function TagsCell({ data }: CellProps) {
  return data ? <TagChips tags={data.tags} /> : null;
}

export function OpenContactCell({ data, context }: CellProps) {
  if (!data) return null;
  const label = `Open ${displayName(data)}`;
  return (
    <Group h="100%" wrap="nowrap">
      <Tooltip label="Details and conversation" withinPortal>
        <ActionIcon variant="subtle" color="gray" aria-label={label} onClick={() => context.onOpen(data)}>
          <IconId size={18} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
