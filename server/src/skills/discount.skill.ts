import { z } from 'zod';
import { OFFER_TOOL, type DiscountSettings, type OfferDiscountResult, type OfferRequest } from '../contracts/index.js';
import { DomainError } from '../shared/errors.js';
import type { GraphMessage } from '../whatsapp/index.js';
import { findProduct, json, parseArgs, toolDefinition, type SkillDeps } from './define.js';
import type { SkillManifest } from './types.js';
import { DISCOUNT_HARD_CAP_PERCENT } from './upcoming.skills.js';

/** What the skill needs of the offers domain (wired in domains.ts). */
export interface OffersPort {
  offer(req: OfferRequest): { result: OfferDiscountResult; messages: GraphMessage[]; summary: string };
}

const cap = `At most ${DISCOUNT_HARD_CAP_PERCENT}%`;
export const DiscountConfigSchema = z.object({
  maxPercent: z.number().min(0, 'At least 0%').max(DISCOUNT_HARD_CAP_PERCENT, cap).default(5).describe('Largest discount the agent may offer, in percent'),
  onMakingChargesOnly: z.boolean().default(true).describe('Discount the making charges only, never the metal'),
  tenacity: z.number().int('A whole number').min(0, 'At least 0').max(100, 'At most 100').default(50)
    .describe('How slowly the agent gives in: 0 offers the full cap at once, 100 starts small and concedes in small steps'),
  perCategory: z.record(z.string().trim().min(1), z.number().min(0, 'At least 0%').max(DISCOUNT_HARD_CAP_PERCENT, cap)).default({})
    .describe('A lower cap for some categories, e.g. {"necklace": 3}'),
  excludedCategories: z.array(z.string().trim().min(1).max(40)).max(30).default(['gold coin', 'bullion'])
    .describe('Never discounted: categories, styles or product-name words'),
  couponDays: z.number().int('A whole number').min(1, 'At least 1 day').max(30, 'At most 30 days').default(3).describe('Days a coupon code stays valid'),
  couponTemplate: z.string().trim().regex(/^[a-z0-9_]*$/, 'A template name: lowercase letters, digits and _').max(512).default('')
    .describe('Approved WhatsApp template with a copy-code button to send the code in (empty: the code goes in the reply)'),
});
type Config = z.output<typeof DiscountConfigSchema>;

const Args = z.object({
  sku: z.string().trim().max(64).optional().describe('The product the shopper wants a discount on, from search results'),
  percent: z.union([z.number(), z.string().max(200)]).optional().describe('The percent the shopper asked for, if they named one'),
  asked: z.string().max(1000).optional().describe('The shopper\'s words asking for the discount'),
});

function settings(c: Config): DiscountSettings {
  return { ...c, maxPercent: Math.min(c.maxPercent, DISCOUNT_HARD_CAP_PERCENT) };
}

/**
 * Discount authority: the model may ask for an offer; the offers domain decides the percent (never
 * above the cap, in code), makes a single-use coupon, or sends an ask above the cap to the owner.
 */
export function discountSkill(deps: SkillDeps): SkillManifest<typeof DiscountConfigSchema> {
  return {
    id: 'discount_authority',
    name: 'Discount authority',
    description: `Lets the agent offer a discount on making charges when a shopper hesitates, as a negotiation, never above your cap (at most ${DISCOUNT_HARD_CAP_PERCENT}%, enforced in code). Offers become single-use coupon codes; bigger asks come to you for approval.`,
    summary: `Offers discounts up to your cap (max ${DISCOUNT_HARD_CAP_PERCENT}%)`,
    icon: 'discount',
    configSchema: DiscountConfigSchema,
    defaultEnabled: false,
    available: deps.offers !== undefined,
    tools: [
      toolDefinition(
        OFFER_TOOL,
        'Ask for a discount for the shopper. The store decides the percent (the number you pass is only what the shopper asked for) and returns a coupon code with its expiry, or says the manager is checking. Tell the shopper exactly what it returns.',
        Args,
      ),
    ],
    execute({ args, config, ctx }) {
      // Hostile or odd arguments are only wishes: anything but a number or a string is dropped, never an error.
      const raw = { ...args };
      if ((typeof raw.percent !== 'number' && typeof raw.percent !== 'string') || (typeof raw.percent === 'number' && !Number.isFinite(raw.percent))) delete raw.percent;
      if (typeof raw.percent === 'string') raw.percent = raw.percent.slice(0, 200);
      if (typeof raw.sku !== 'string') delete raw.sku;
      if (typeof raw.asked !== 'string') delete raw.asked;
      const a = parseArgs(OFFER_TOOL, Args, raw);
      if (!deps.offers) throw new DomainError('not_configured', 'Discounts are not set up in this app');
      const product = a.sku ? findProduct(deps.catalog, a.sku) : null;
      if (a.sku && !product) throw new DomainError('validation', `${OFFER_TOOL}: ${a.sku} is not in the catalog. Use an SKU from search results, or leave sku out.`, { sku: 'Unknown SKU' });
      const out = deps.offers.offer({
        contactId: ctx.contact.id,
        agentId: ctx.agent.id,
        recipient: ctx.to,
        product: product ? { sku: product.sku, name: product.name, category: product.category, style: product.style, price: product.price } : null,
        wish: a.percent ?? a.asked ?? null,
        text: a.asked ?? (typeof a.percent === 'string' ? a.percent : ''),
        settings: settings(config),
      });
      return { result: json(out.result), ...(out.messages.length ? { messages: out.messages } : {}), summary: out.summary };
    },
  };
}
