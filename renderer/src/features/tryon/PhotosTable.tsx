import { ActionIcon, Badge, EmptyState, Table, Text, Tooltip } from '@mantine/core';
import { IconPhoto, IconTrash } from '@tabler/icons-react';
import type { TryOnPhoto } from '../../api/contracts';
import { formatDateTime } from '../../ui/format';

const SOURCE: Record<TryOnPhoto['source'], string> = { whatsapp: 'WhatsApp', simulator: 'Simulator', cli: 'CLI', owner: 'Your sample' };

/** The photos Revive holds right now, each with the day it will be deleted. */
export function PhotosTable({ photos, retentionDays, timeZone, onDelete }: { photos: TryOnPhoto[]; retentionDays: number; timeZone: string; onDelete: (p: TryOnPhoto) => void }) {
  if (photos.length === 0) {
    return (
      <EmptyState
        py="lg"
        variant="light"
        icon={<IconPhoto />}
        title="No photos stored"
        description={`When a shopper sends a selfie or a hand photo to an agent with Virtual try-on switched on, it is kept here for ${retentionDays} days, then deleted with its try-on pictures.`}
      />
    );
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label="Stored try-on photos" verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>From</Table.Th>
            <Table.Th>Received</Table.Th>
            <Table.Th>Deleted on</Table.Th>
            <Table.Th ta="right">Try-on pictures</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {photos.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Text size="sm">{p.contactLabel ?? (p.source === 'owner' ? 'Sample photo' : 'A shopper')}</Text>
                <Badge size="xs" variant="light" color={p.source === 'whatsapp' ? 'teal' : 'gray'}>
                  {SOURCE[p.source]}
                </Badge>
              </Table.Td>
              <Table.Td>{formatDateTime(p.createdAt, timeZone)}</Table.Td>
              <Table.Td>{formatDateTime(p.expiresAt, timeZone)}</Table.Td>
              <Table.Td ta="right">{p.results}</Table.Td>
              <Table.Td ta="right">
                <Tooltip label="Delete now">
                  <ActionIcon variant="subtle" color="red" aria-label={`Delete photo ${p.id}`} onClick={() => onDelete(p)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
