import type { Product } from '../contracts/index.js';
import { LIMITS, charCount, ctaUrlMessage, imageMessage, type GraphMessage } from '../whatsapp/index.js';
import { capitalise, categoryPlural, grams, purityLabel, rupees, weightOf } from './format.js';

export interface Section {
  title: string;
  productRetailerIds: string[];
}

/** Cuts to WhatsApp's character count (code points), for titles built from catalog words. */
export function fit(text: string, max: number): string {
  if (charCount(text) <= max) return text;
  return Array.from(text).slice(0, max - 1).join('').trimEnd() + '…';
}

function group(products: Product[], key: (p: Product) => string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of products) {
    const k = fit(key(p), LIMITS.productSectionTitle);
    out.set(k, [...(out.get(k) ?? []), p.sku]);
  }
  return out;
}

/**
 * A product list's sections: grouped by purity and category in the order the products came
 * ("22K Bangles", "18K Rings", "Silver Anklets"); by category alone when that makes more than
 * WhatsApp's 10 sections; and the overflow folded into a last "More designs" when even that does.
 */
export function productSections(products: Product[]): Section[] {
  let groups = group(products, (p) => [purityLabel(p), categoryPlural(p.category)].filter(Boolean).join(' '));
  if (groups.size > LIMITS.productListSections) groups = group(products, (p) => categoryPlural(p.category));
  const sections = [...groups].map(([title, productRetailerIds]) => ({ title, productRetailerIds }));
  if (sections.length <= LIMITS.productListSections) return sections;
  const kept = sections.slice(0, LIMITS.productListSections - 1);
  const rest = sections.slice(LIMITS.productListSections - 1).flatMap((s) => s.productRetailerIds);
  return [...kept, { title: 'More designs', productRetailerIds: rest }];
}

/** "Gold bangles for you", "Bangles for you", "Gold pieces for you", "Picked for you". */
export function defaultHeader(products: Product[]): string {
  const metals = new Set(products.map((p) => p.metal));
  const categories = new Set(products.map((p) => p.category));
  const metal = metals.size === 1 ? [...metals][0] ?? null : null;
  const category = categories.size === 1 ? [...categories][0] ?? null : null;
  if (!metal && !category) return 'Picked for you';
  const noun = category ? categoryPlural(category).toLowerCase() : 'pieces';
  return fit(capitalise(`${metal ? `${metal} ` : ''}${noun} for you`), LIMITS.headerText);
}

export function defaultBody(count: number, storeName: string): string {
  return fit(`${count} pieces from ${storeName}. Tap any piece for its photo, price and details.`, LIMITS.interactiveBody);
}

/** "22K", "18K rose gold", "925 silver", "950 platinum": purity with the metal when it is not plain gold. */
function metalWords(p: Product): string | null {
  if (p.purity && p.metal && p.metal !== 'gold') return `${p.purity} ${p.metal}`;
  return p.purity ?? p.metal;
}

/** An image card's caption, facts from the catalog only: "*Name*\n₹48,500 · 22K · 12.5 g\nSKU SJ-BNG-0001". */
export function cardCaption(p: Product): string {
  const weight = weightOf(p);
  const facts = [rupees(p.price), metalWords(p), weight === null ? null : grams(weight)].filter((x): x is string => Boolean(x));
  return fit(`*${p.name}*\n${facts.join(' · ')}\nSKU ${p.sku}`, LIMITS.caption);
}

/** The button under a product card whose product has its own web page. */
export const VISIT_WEBSITE = 'Visit website';

/**
 * A product as a picture card: with a "Visit website" button to its page when it has one (a
 * cta_url message with the picture as header; the caption becomes the body), else a plain image
 * with the caption. Used when no catalog is connected and for products Meta does not hold yet.
 */
export function productCard(to: string, p: Product, pictureLink: string): GraphMessage {
  if (p.url && /^https?:\/\//i.test(p.url)) {
    return ctaUrlMessage(to, { header: { image: { link: pictureLink } }, body: cardCaption(p), displayText: VISIT_WEBSITE, url: p.url });
  }
  return imageMessage(to, { link: pictureLink }, { caption: cardCaption(p) });
}

/** "See more" after the best 30: how many more matched, for the words that offer them. */
export function moreNote(more: number, shown: number): string {
  return `${more} more match${more === 1 ? '' : 'es'} beyond these ${shown}: offer "See more" or ask a question that narrows it (purity, budget, style).`;
}
