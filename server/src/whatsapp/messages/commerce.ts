import { checkCount, checkLength, MessageLimitError, required } from './limits.js';
import { body, envelope, footer } from './parts.js';
import type { CommonOptions, GraphMessage } from './types.js';

export interface ProductInput extends CommonOptions {
  catalogId: string;
  /** The product's retailer id in the catalog (our SKU). */
  productRetailerId: string;
  body?: string;
  footer?: string;
}

/** One product from the catalog, shown as its product page. Body and footer are optional. */
export function productMessage(to: string, input: ProductInput): GraphMessage {
  return {
    ...envelope(to, 'interactive', input),
    interactive: {
      type: 'product',
      ...(input.body !== undefined ? body(input.body) : {}),
      ...footer(input.footer),
      action: {
        catalog_id: required('catalogId', 'The catalog id', input.catalogId),
        product_retailer_id: required('productRetailerId', 'The product retailer id', input.productRetailerId),
      },
    },
  };
}

export interface ProductListInput extends CommonOptions {
  catalogId: string;
  /** Required by WhatsApp: a text header. */
  header: string;
  body: string;
  footer?: string;
  sections: { title: string; productRetailerIds: string[] }[];
}

/** Up to 30 products in up to 10 titled sections; the shopper can add them to a cart. */
export function productListMessage(to: string, input: ProductListInput): GraphMessage {
  if (input.header === undefined || input.header === null || input.header === '') {
    throw new MessageLimitError('headerText', 'A product list needs a header; WhatsApp requires one');
  }
  checkLength('headerText', 'The header', input.header);
  checkCount('productListSections', 'product list sections', input.sections.length);
  const items = input.sections.reduce((n, s) => n + s.productRetailerIds.length, 0);
  checkCount('productListItems', 'products in a product list', items);
  for (const s of input.sections) {
    if (!s.title) throw new MessageLimitError('productSectionTitle', 'Every product list section needs a title');
    checkLength('productSectionTitle', `The section title "${s.title}"`, s.title);
    if (s.productRetailerIds.length === 0) throw new MessageLimitError('productListItems', `The section "${s.title}" has no products; WhatsApp needs at least 1`);
  }
  return {
    ...envelope(to, 'interactive', input),
    interactive: {
      type: 'product_list',
      header: { type: 'text', text: input.header },
      ...body(input.body),
      ...footer(input.footer),
      action: {
        catalog_id: required('catalogId', 'The catalog id', input.catalogId),
        sections: input.sections.map((s) => ({ title: s.title, product_items: s.productRetailerIds.map((id) => ({ product_retailer_id: id })) })),
      },
    },
  };
}

export interface CatalogInput extends CommonOptions {
  body: string;
  footer?: string;
  /** The product whose image heads the message; WhatsApp picks one when left out. */
  thumbnailProductRetailerId?: string;
}

/** The "View catalog" message: opens the whole catalog inside WhatsApp. */
export function catalogMessage(to: string, input: CatalogInput): GraphMessage {
  return {
    ...envelope(to, 'interactive', input),
    interactive: {
      type: 'catalog_message',
      ...body(input.body),
      ...footer(input.footer),
      action: {
        name: 'catalog_message',
        ...(input.thumbnailProductRetailerId ? { parameters: { thumbnail_product_retailer_id: input.thumbnailProductRetailerId } } : {}),
      },
    },
  };
}
