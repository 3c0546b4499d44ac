import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import { catalogUploads, type Product } from '../../api/contracts';
import { formatBytes } from '../../ui/format';

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'];

/** Why a picked file cannot be a product picture, or null when it can. */
export function imageFileProblem(file: File): string | null {
  const typeOk = IMAGE_TYPES.includes(file.type) || /\.(png|jpe?g|webp)$/i.test(file.name);
  if (!typeOk) return `“${file.name}” is not a PNG, JPEG or WebP picture.`;
  const max = catalogUploads.uploadProductImage.maxBytes;
  if (file.size > max) return `“${file.name}” is ${formatBytes(file.size)}; a picture can be at most ${formatBytes(max)}.`;
  return null;
}

/** Uploads, replaces or removes one product's picture. */
export function useProductImage(product: Product, onChanged: (product: Product) => void) {
  const client = useApiClient();
  const [busy, setBusy] = useState<'upload' | 'remove' | null>(null);

  const run = async (kind: 'upload' | 'remove', work: () => Promise<Product>, done: string) => {
    setBusy(kind);
    try {
      const saved = await work();
      onChanged(saved);
      notifications.show({ color: 'teal', title: done, message: `${saved.sku} · ${saved.name}` });
      return true;
    } catch (err) {
      notifications.show({ color: 'red', title: 'The picture was not changed', message: err instanceof Error ? err.message : 'Something went wrong.' });
      return false;
    } finally {
      setBusy(null);
    }
  };

  return {
    busy,
    upload: (file: File) =>
      run('upload', () => client.upload('uploadProductImage', { params: { sku: product.sku }, body: file }), product.images.length > 0 ? 'Picture replaced' : 'Picture added'),
    remove: () => run('remove', () => client.call('deleteProductImage', { params: { sku: product.sku } }), 'Picture removed'),
  };
}
