import { ActionIcon, Group, Tooltip, UnstyledButton } from '@mantine/core';
import { IconPencil, IconPhoto, IconTrash } from '@tabler/icons-react';
import type { CustomCellRendererProps } from 'ag-grid-react';
import type { Product } from '../../api/contracts';
import { productImageUrl } from './productUrls';

export type RowAction = 'edit' | 'image' | 'delete';

/** What the grid's cells can ask the screen to do; passed as the grid's context. */
export interface GridContext {
  onAction: (action: RowAction, product: Product) => void;
  errorFor: (sku: string, field: string) => string | undefined;
}

type CellProps = CustomCellRendererProps<Product, unknown, GridContext>;

export function ThumbnailCell({ data, context }: CellProps) {
  if (!data) return null;
  return (
    <UnstyledButton onClick={() => context.onAction('image', data)} aria-label={`Picture of ${data.sku}`} title="Change the picture" style={{ display: 'flex', alignItems: 'center', height: '100%' }}>
      <img src={productImageUrl(data)} alt="" width={34} height={34} loading="lazy" style={{ objectFit: 'cover', borderRadius: 6, background: '#f4f1ea' }} />
    </UnstyledButton>
  );
}

export function RowActionsCell({ data, context }: CellProps) {
  if (!data) return null;
  const action = (kind: RowAction, label: string, icon: React.ReactNode, color?: string) => (
    <Tooltip label={label} withinPortal>
      <ActionIcon variant="subtle" color={color ?? 'gray'} aria-label={`${label} ${data.sku}`} onClick={() => context.onAction(kind, data)}>
        {icon}
      </ActionIcon>
    </Tooltip>
  );
  return (
    <Group gap={2} wrap="nowrap" h="100%">
      {action('edit', 'Edit', <IconPencil size={17} />)}
      {action('image', 'Picture', <IconPhoto size={17} />)}
      {action('delete', 'Delete', <IconTrash size={17} />, 'red')}
    </Group>
  );
}
