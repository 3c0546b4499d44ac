import { Box, Button, Group, Image, Skeleton, Stack, Text, UnstyledButton } from '@mantine/core';
import { fillPath } from '../../api/client';
import { catalogFiles, type Product } from '../../api/contracts';
import { useApi } from '../../api/useApi';

/** Whole rupees in the Indian grouping: 125000 → "₹1,25,000". */
export const rupees = (n: number) => `₹${n.toLocaleString('en-IN')}`;

export function productImageSrc(sku: string, product?: Pick<Product, 'updatedAt'>): string {
  return fillPath(catalogFiles.productImage, { sku }) + (product?.updatedAt ? `?v=${encodeURIComponent(product.updatedAt)}` : '');
}

/** The catalog's facts for a product in a message: WhatsApp shows its name and price from the catalog. */
export function useProduct(sku: string) {
  const { data, error } = useApi('getProduct', { params: { sku } });
  return { product: data, missing: !!error };
}

function NameAndPrice({ sku, product, missing }: { sku: string; product: Product | undefined; missing: boolean }) {
  if (missing) return <Text size="sm" c="dimmed">{sku} (not in the catalog)</Text>;
  if (!product) return <Skeleton h={32} w="80%" />;
  return (
    <Stack gap={0}>
      <Text size="sm" fw={500} lineClamp={2}>
        {product.name}
      </Text>
      <Text size="sm" c="dark.4">
        {rupees(product.price)}
      </Text>
    </Stack>
  );
}

/** A single product message's card: the picture, name and price; tapping opens its page. */
export function ProductCard({ sku, onOpen }: { sku: string; onOpen: () => void }) {
  const { product, missing } = useProduct(sku);
  return (
    <UnstyledButton onClick={onOpen} aria-label={`View ${product?.name ?? sku}`} w="100%">
      <Image src={productImageSrc(sku, product)} alt={product?.name ?? sku} h={150} fit="cover" radius={6} bg="gray.1" />
      <Box mt={6}>
        <NameAndPrice sku={sku} product={product} missing={missing} />
      </Box>
    </UnstyledButton>
  );
}

/** One row of a product list sheet. */
export function ProductRow({ sku, onOpen }: { sku: string; onOpen: () => void }) {
  const { product, missing } = useProduct(sku);
  return (
    <UnstyledButton onClick={onOpen} aria-label={`Open ${product?.name ?? sku}`} px="sm" py={8} w="100%" style={{ borderBottom: '1px solid #f0f2f5' }}>
      <Group wrap="nowrap" gap="sm">
        <Image src={productImageSrc(sku, product)} alt="" w={52} h={52} radius={6} fit="cover" bg="gray.1" />
        <Box style={{ flex: 1, minWidth: 0 }}>
          <NameAndPrice sku={sku} product={product} missing={missing} />
        </Box>
      </Group>
    </UnstyledButton>
  );
}

/** A product's page inside WhatsApp: picture, name, price, description and "Message business". */
export function ProductDetail({ sku, onMessage }: { sku: string; onMessage: (product: Product | undefined) => void }) {
  const { product, missing } = useProduct(sku);
  return (
    <Stack gap="xs" p="sm">
      <Image src={productImageSrc(sku, product)} alt={product?.name ?? sku} h={220} fit="cover" radius={8} bg="gray.1" />
      <NameAndPrice sku={sku} product={product} missing={missing} />
      {product?.description ? (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
          {product.description}
        </Text>
      ) : null}
      <Text size="xs" c="dimmed">
        SKU {sku}
      </Text>
      <Button color="teal" radius="xl" onClick={() => onMessage(product)}>
        Message business
      </Button>
    </Stack>
  );
}
