import { Button, Group, Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import type { Product } from '../../api/contracts';
import { ProductImageEditor } from './ProductImageEditor';

export function ImageModal({ product, onClose, onChanged }: { product: Product; onClose: () => void; onChanged: (p: Product) => void }) {
  return (
    <Modal opened onClose={onClose} size="lg" title={`Picture · ${product.sku}`}>
      <Text size="sm" c="dimmed" mb="md">
        {product.name}. PNG, JPEG or WebP; Revive keeps it at most 1200 px wide.
      </Text>
      <ProductImageEditor product={product} onChanged={onChanged} />
    </Modal>
  );
}

export function DeleteProductModal({ product, onClose, onDeleted }: { product: Product; onClose: () => void; onDeleted: (sku: string) => void }) {
  const client = useApiClient();
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await client.call('deleteProduct', { params: { sku: product.sku } });
      notifications.show({ color: 'teal', title: 'Product deleted', message: `${product.sku} · ${product.name}` });
      onDeleted(product.sku);
      onClose();
    } catch (err) {
      notifications.show({ color: 'red', title: 'The product was not deleted', message: err instanceof Error ? err.message : 'Something went wrong.' });
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title="Delete this product?">
      <Text mb="xs">
        <Text span ff="monospace">{product.sku}</Text> · {product.name}
      </Text>
      <Text size="sm" c="dimmed" mb="lg">
        The assistant stops offering it at once. This cannot be undone, but importing your spreadsheet again brings it back.
      </Text>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          Keep it
        </Button>
        <Button color="red" loading={busy} onClick={() => void confirm()}>
          Delete
        </Button>
      </Group>
    </Modal>
  );
}
