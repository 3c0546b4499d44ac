import { Box, Text, UnstyledButton } from '@mantine/core';
import type { Product } from '../../api/contracts';
import { WA } from './ChatBubble';
import { arr, obj, str } from './payload';
import { PhoneSheet } from './PhoneSheet';
import { ProductDetail, ProductRow } from './products';
import type { Sheet } from './sheets';
import { listReply, productEnquiry, type ShopperMessage } from './shopperMessages';

function SectionTitle({ title }: { title: string | undefined }) {
  return title ? (
    <Text fz={13} c={WA.teal} fw={500} px="sm" pt="sm" pb={4}>
      {title}
    </Text>
  ) : null;
}

/** The open sheet's content; a tap sends the shopper's reply or opens a product's page. */
export function SheetContent({ sheet, onClose, onOpen, onSend }: { sheet: Sheet; onClose: () => void; onOpen: (sheet: Sheet) => void; onSend: (message: ShopperMessage, shown: string) => void }) {
  if (sheet.kind === 'product') {
    const message = (product: Product | undefined) => {
      const body = product ? `Hi, I'm interested in ${product.name}` : `Hi, I'm interested in ${sheet.sku}`;
      onClose();
      onSend(productEnquiry(body, sheet.catalogId, sheet.sku), body);
    };
    return (
      <PhoneSheet title="Product" onClose={onClose}>
        <ProductDetail sku={sheet.sku} onMessage={message} />
      </PhoneSheet>
    );
  }

  const interactive = obj(sheet.message.interactive);
  const action = obj(interactive.action);
  if (sheet.kind === 'list') {
    return (
      <PhoneSheet title={str(action.button) ?? 'Choose'} onClose={onClose}>
        {arr(action.sections).map((section, i) => (
          <Box key={i}>
            <SectionTitle title={str(section.title)} />
            {arr(section.rows).map((row) => {
              const r = { id: str(row.id) ?? '', title: str(row.title) ?? '', description: str(row.description) };
              return (
                <UnstyledButton
                  key={r.id}
                  w="100%"
                  px="sm"
                  py={8}
                  style={{ borderBottom: '1px solid #f0f2f5' }}
                  onClick={() => {
                    onClose();
                    onSend(listReply(r, sheet.messageId), r.title);
                  }}
                >
                  <Text size="sm">{r.title}</Text>
                  {r.description ? (
                    <Text fz={12} c={WA.meta}>
                      {r.description}
                    </Text>
                  ) : null}
                </UnstyledButton>
              );
            })}
          </Box>
        ))}
      </PhoneSheet>
    );
  }

  const catalogId = str(action.catalog_id) ?? '';
  return (
    <PhoneSheet title={str(obj(interactive.header).text) ?? 'Items'} onClose={onClose}>
      {arr(action.sections).map((section, i) => (
        <Box key={i}>
          <SectionTitle title={str(section.title)} />
          {arr(section.product_items).map((item) => {
            const sku = str(item.product_retailer_id) ?? '';
            return <ProductRow key={sku} sku={sku} onOpen={() => onOpen({ kind: 'product', sku, catalogId })} />;
          })}
        </Box>
      ))}
    </PhoneSheet>
  );
}
