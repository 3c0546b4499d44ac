/**
 * The tools of the first skills and the engine's built-ins: names, arguments and result shapes.
 * This file is the contract between the skills (which execute them) and the brains (the offline
 * brain reads these results to compose its words; Mistral sees them as JSON).
 */
import type { Category, Metal, Purity } from '../contracts/index.js';

export const TOOL = {
  /** Skill `catalog_search`. */
  searchProducts: 'search_products',
  /** Skill `catalog_search`. */
  getProduct: 'get_product',
  /** Skill `send_products`. */
  sendProducts: 'send_products',
  /** Skill `send_products`: the WhatsApp catalog message ("View catalog"). */
  sendCatalog: 'send_catalog',
  /** Skill `send_products`: the store's contact card (one tap to call). */
  shareContact: 'share_store_contact',
  /** Built-in, always on: opening hours, address, phone, website. */
  storeInfo: 'store_info',
  /** Built-in, always on: up to 3 quick-reply buttons under the final words. */
  suggestReplies: 'suggest_replies',
  /** Built-in, always on: the thread goes to a human (the agent stops replying on it). */
  handoff: 'handoff_to_human',
  /** Knowledge issue (#5) adds it when present: passages from the store's documents. */
  searchKnowledge: 'search_knowledge',
} as const;

/** A product as tools report it: facts from the catalog only. */
export interface ToolProduct {
  sku: string;
  name: string;
  category: Category;
  metal: Metal | null;
  purity: Purity | null;
  weightGrams: number | null;
  /** Whole rupees. */
  price: number;
  /** Indian format, e.g. "₹1,25,000": the only way a brain writes a price. */
  priceText: string;
  stock: number;
  inStock: boolean;
}

/** search_products({ query: string, limit?: number ≤ 30 }) */
export interface SearchProductsResult {
  query: string;
  /** Products matching every constraint, best first. */
  count: number;
  products: ToolProduct[];
  /** When nothing matches: near misses, each with what was relaxed ("price": wanted "up to ₹500", offered "₹2,900"). */
  alternatives: (ToolProduct & { relaxed: { constraint: string; wanted: string; offered: string } })[];
  /** The filters understood, in words, e.g. ["gold", "bangle", "up to ₹50,000"]. */
  filters: string[];
}

/** get_product({ sku: string }) */
export interface GetProductResult {
  found: boolean;
  product: (ToolProduct & { description: string; stones: string[]; makingCharges: number | null; makingChargesText: string | null; url: string | null; occasions: string[] }) | null;
}

/** send_products({ skus: string[] 1…30, header?: string, body?: string }) */
export interface SendProductsResult {
  sent: number;
  skus: string[];
  /** product (one), product_list (several, in titled sections) or image_cards (no Meta catalog connected). */
  format: 'product' | 'product_list' | 'image_cards';
  /** The products sent, facts from the catalog, so the words after them can name a price. */
  products?: ToolProduct[];
  /** Asked-for SKUs the catalog does not have (dropped, never sent). */
  unknownSkus?: string[];
  /** Real products not sent: over the skill's cap, or (image cards) without a public picture. */
  notSent?: string[];
  /** What the model should know about what happened, e.g. why nothing could be shown. */
  note?: string;
}

/** store_info({ topic?: 'hours' | 'address' | 'contact' | 'all' }) */
export interface StoreInfoResult {
  name: string;
  phone: string;
  address: string;
  website: string | null;
  /** Today's hours in the store's time zone, e.g. "10:30–20:30" or "closed". */
  today: string;
  openNow: boolean;
  /** "Mon–Sat 10:30–20:30; Sun closed". */
  hours: string;
  mapsUrl: string | null;
  /** A "Get directions" button (cta_url to mapsUrl) was sent with the address: do not repeat the link. */
  directionsSent?: boolean;
}

/** suggest_replies({ buttons: string[] 1…3, each ≤ 20 characters }) */
export interface SuggestRepliesResult {
  buttons: string[];
}

/** handoff_to_human({ reason: string }) */
export interface HandoffResult {
  handedOff: boolean;
}

/** search_knowledge({ question: string }) — built by the knowledge issue. */
export interface SearchKnowledgeResult {
  answerable: boolean;
  passages: { text: string; source: string; location: string; score: number }[];
}
