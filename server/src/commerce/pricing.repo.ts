import type { Db } from '../db/index.js';
import type { ProductPricing } from '../contracts/index.js';

interface PricingRow {
  sku: string;
  priced_by_weight: 0 | 1;
  making_kind: 'per_gram' | 'percent';
  making_value: number;
  stone_value: number;
  hallmark_fee: number;
}

const toPricing = (r: PricingRow): ProductPricing => ({
  pricedByWeight: r.priced_by_weight === 1,
  making: { kind: r.making_kind, value: r.making_value },
  stoneValue: r.stone_value,
  hallmarkFee: r.hallmark_fee,
});

/** SQL for products' by-weight pricing settings (keyed by SKU, case-insensitive), nothing else. */
export function pricingRepo(db: Db) {
  const get = db.prepare<[string], PricingRow>('select * from product_pricing where sku = ?');
  const all = db.prepare<[], PricingRow>('select * from product_pricing');
  const byWeight = db.prepare<[], PricingRow>('select * from product_pricing where priced_by_weight = 1 order by sku');
  const upsert = db.prepare<{ sku: string; priced_by_weight: number; making_kind: string; making_value: number; stone_value: number; hallmark_fee: number; now: string }>(
    `insert into product_pricing (sku, priced_by_weight, making_kind, making_value, stone_value, hallmark_fee, updated_at)
     values (@sku, @priced_by_weight, @making_kind, @making_value, @stone_value, @hallmark_fee, @now)
     on conflict (sku) do update set priced_by_weight = excluded.priced_by_weight, making_kind = excluded.making_kind,
       making_value = excluded.making_value, stone_value = excluded.stone_value, hallmark_fee = excluded.hallmark_fee, updated_at = excluded.updated_at`,
  );
  return {
    get: (sku: string): ProductPricing | null => {
      const r = get.get(sku);
      return r ? toPricing(r) : null;
    },
    all: (): Map<string, ProductPricing> => new Map(all.all().map((r) => [r.sku.toUpperCase(), toPricing(r)])),
    byWeight: (): { sku: string; pricing: ProductPricing }[] => byWeight.all().map((r) => ({ sku: r.sku, pricing: toPricing(r) })),
    save(sku: string, p: ProductPricing, now: string): void {
      upsert.run({ sku, priced_by_weight: p.pricedByWeight ? 1 : 0, making_kind: p.making.kind, making_value: p.making.value, stone_value: p.stoneValue, hallmark_fee: p.hallmarkFee, now });
    },
  };
}
export type PricingRepo = ReturnType<typeof pricingRepo>;
