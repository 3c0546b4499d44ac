import { Alert, Button, FileButton, Group, Image, Stack, Text } from '@mantine/core';
import { IconPhotoUp, IconTrash } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import type { Product } from '../../api/contracts';
import { formatBytes } from '../../ui/format';
import { productImageUrl } from './productUrls';
import { imageFileProblem, useProductImage } from './useProductImage';

/** The product's picture with a preview of a newly picked one before it is uploaded. */
export function ProductImageEditor({ product, onChanged }: { product: Product; onChanged: (product: Product) => void }) {
  const { busy, upload, remove } = useProductImage(product, onChanged);
  const [file, setFile] = useState<File | null>(null);
  const problem = file ? imageFileProblem(file) : null;
  const preview = useMemo(() => (file && !problem ? URL.createObjectURL(file) : undefined), [file, problem]);
  useEffect(() => () => (preview ? URL.revokeObjectURL(preview) : undefined), [preview]);
  const hasImage = product.images.length > 0;

  return (
    <Stack gap="sm">
      <Group align="flex-start" gap="lg" wrap="nowrap">
        <Stack gap={4} align="center">
          <Image src={productImageUrl(product)} alt={`Current picture of ${product.name}`} w={140} h={140} radius="md" fit="cover" bg="gray.1" />
          <Text size="xs" c="dimmed">
            {hasImage ? 'Current picture' : 'No picture yet (drawn placeholder)'}
          </Text>
        </Stack>
        {preview ? (
          <Stack gap={4} align="center">
            <Image src={preview} alt="New picture preview" w={140} h={140} radius="md" fit="cover" />
            <Text size="xs" c="dimmed">
              New: {file?.name} ({formatBytes(file?.size ?? 0)})
            </Text>
          </Stack>
        ) : null}
      </Group>
      {problem ? (
        <Alert color="red" variant="light" role="alert">
          {problem}
        </Alert>
      ) : null}
      <Group gap="sm">
        <FileButton onChange={setFile} accept="image/png,image/jpeg,image/webp">
          {(props) => (
            <Button variant="default" leftSection={<IconPhotoUp size={18} />} {...props}>
              {hasImage ? 'Choose a new picture' : 'Choose a picture'}
            </Button>
          )}
        </FileButton>
        {file && !problem ? (
          <Button loading={busy === 'upload'} onClick={() => void upload(file).then((ok) => ok && setFile(null))}>
            {hasImage ? 'Replace picture' : 'Upload picture'}
          </Button>
        ) : null}
        {hasImage ? (
          <Button variant="subtle" color="red" leftSection={<IconTrash size={18} />} loading={busy === 'remove'} onClick={() => void remove()}>
            Remove picture
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
