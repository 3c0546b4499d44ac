import { Alert, Badge, Box, Button, EmptyState, FileButton, Group, Image, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPhotoUp, IconSparkles } from '@tabler/icons-react';
import { useState } from 'react';
import type { Category, TryOnAnchor } from '../../api/contracts';
import { useApi } from '../../api/useApi';
import { DEFAULT_TIME_ZONE } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorState, LoadingState } from '../../ui/StatusStates';
import { StudioNav } from '../knowledge/StudioNav';
import { AnchorControls } from './AnchorControls';
import { PhotosTable } from './PhotosTable';
import { previewUrl } from './tryonUrls';
import { useTryOn } from './useTryOn';

const same = (a: TryOnAnchor | undefined, b: TryOnAnchor | undefined) => Boolean(a && b && a.x === b.x && a.y === b.y && a.scale === b.scale && a.pair === b.pair);
const plural = (c: Category) => (c === 'earrings' ? 'Earrings' : c === 'other' ? 'Other pieces' : `${c[0]?.toUpperCase()}${c.slice(1)}s`);

/** Agent Studio › Try-on: where pieces sit on a shopper's photo (per category), a live preview, and the photos kept. */
export function TryOnPage() {
  const t = useTryOn();
  const products = useApi('listProducts');
  const store = useApi('getStore');
  const timeZone = store.data?.timeZone ?? DEFAULT_TIME_ZONE;
  const [sku, setSku] = useState<string | null>(null);
  const [edits, setEdits] = useState<Partial<Record<Category, TryOnAnchor>>>({});

  const withPhotos = (products.data?.products ?? []).filter((p) => p.images.length > 0);
  const product = withPhotos.find((p) => p.sku === sku) ?? null;
  const category = product?.category ?? null;
  const saved = category ? t.anchors.data?.anchors[category] : undefined;
  const anchor = category ? (edits[category] ?? saved) : undefined;
  const [shown] = useDebouncedValue(anchor, 250);
  const retentionDays = t.photos.data?.retentionDays ?? 7;

  const setAnchor = (a: TryOnAnchor) => category && setEdits((e) => ({ ...e, [category]: a }));
  const clearEdit = () => category && setEdits(({ [category]: _gone, ...rest }) => rest);

  return (
    <>
      <PageHeader title="Agent Studio" description="Virtual try-on: shoppers send a selfie or a hand photo and see a piece on it, with a note that it is an impression." extra={<StudioNav current="try-on" />} />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Paper withBorder radius="md" p="md">
            <Title order={2} fz="h4" mb={4}>
              Try it on a sample photo
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              There is no face detection: each kind of piece goes to a spot on the photo (earrings at the ears, necklaces at the neck, rings and bangles on the hand). Move the spot for a category and save it; shoppers can still say “higher” or “bigger”.
            </Text>
            <Stack gap="sm">
              <Group gap="sm" align="center">
                <FileButton onChange={(f) => f && void t.uploadSample(f)} accept="image/png,image/jpeg,image/webp">
                  {(props) => (
                    <Button {...props} leftSection={<IconPhotoUp size={16} />} loading={t.uploading} variant={t.sample ? 'light' : 'filled'}>
                      {t.sample ? 'Use another photo' : 'Upload a sample photo'}
                    </Button>
                  )}
                </FileButton>
                <Text size="xs" c="dimmed">
                  JPEG, PNG or WebP, at most 5 MB
                </Text>
              </Group>
              {t.uploadProblem ? (
                <Alert color="red" title="That photo cannot be used">
                  {t.uploadProblem}
                </Alert>
              ) : null}
              <Select
                label="Product"
                placeholder={products.data && withPhotos.length === 0 ? 'No product has a photo yet' : 'Pick a product with a photo'}
                searchable
                nothingFoundMessage="No product with a photo matches"
                data={withPhotos.map((p) => ({ value: p.sku, label: `${p.name} (${p.sku})` }))}
                value={sku}
                onChange={setSku}
              />
              {category && anchor ? (
                <>
                  <Group gap="xs">
                    <Text size="sm" fw={600}>
                      Spot for {plural(category).toLowerCase()}
                    </Text>
                    {same(saved, t.anchors.data?.defaults[category]) ? <Badge variant="light" color="gray">default</Badge> : <Badge variant="light" color="gold">your spot</Badge>}
                  </Group>
                  <AnchorControls
                    anchor={anchor}
                    onChange={setAnchor}
                    saving={t.saving}
                    changed={!same(anchor, saved)}
                    isDefault={same(saved, t.anchors.data?.defaults[category])}
                    onSave={() => void t.saveAnchor(category, anchor, plural(category)).then(clearEdit)}
                    onReset={() => void t.resetAnchor(category).then(clearEdit)}
                  />
                </>
              ) : t.anchors.error ? (
                <ErrorState error={t.anchors.error} onRetry={t.anchors.reload} title="The spots could not be loaded" />
              ) : null}
            </Stack>
          </Paper>
          <Paper withBorder radius="md" p="md">
            <Title order={2} fz="h4" mb="sm">
              What the shopper gets
            </Title>
            {t.sample && product && shown ? (
              <Box maw={420} mx="auto">
                <Image src={previewUrl(t.sample.id, product.sku, shown)} alt={`${product.name} on the sample photo`} radius="md" />
              </Box>
            ) : (
              <EmptyState
                py="xl"
                variant="light"
                icon={<IconSparkles />}
                title={t.sample ? 'Pick a product' : 'Upload a sample photo'}
                description={t.sample ? 'Choose a product with a photo to see it composed on your sample.' : 'Use a selfie framed head and shoulders, or a hand held up to the camera, to see where pieces land.'}
              />
            )}
          </Paper>
        </SimpleGrid>
        <Paper withBorder radius="md" p="md">
          <Title order={2} fz="h4" mb={4}>
            Stored photos{t.photos.data ? ` (${t.photos.data.photos.length})` : ''}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            Shoppers’ photos and their try-on pictures are deleted {retentionDays} days after they arrive (set it in an agent’s Virtual try-on settings). They are never published on the internet.
          </Text>
          {t.photos.error && !t.photos.data ? (
            <ErrorState error={t.photos.error} onRetry={t.photos.reload} title="The photos could not be loaded" />
          ) : !t.photos.data ? (
            <LoadingState label="Loading the photos…" />
          ) : (
            <PhotosTable photos={t.photos.data.photos} retentionDays={retentionDays} timeZone={timeZone} onDelete={(p) => void t.deletePhoto(p)} />
          )}
        </Paper>
      </Stack>
    </>
  );
}
