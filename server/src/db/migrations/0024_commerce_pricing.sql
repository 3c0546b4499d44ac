-- commerce: how a product is priced by weight, keyed by SKU so the catalog's products table stays as it is.
-- A row without priced_by_weight keeps the settings but leaves the catalog price alone.
create table product_pricing (
  sku text primary key collate nocase,
  priced_by_weight integer not null default 0 check (priced_by_weight in (0, 1)),
  making_kind text not null default 'percent' check (making_kind in ('per_gram', 'percent')),
  -- per_gram: whole rupees per gram of net weight; percent: percent of the metal value (up to 2 decimals)
  making_value real not null default 0 check (making_value >= 0),
  -- whole rupees
  stone_value integer not null default 0 check (typeof(stone_value) = 'integer' and stone_value >= 0),
  hallmark_fee integer not null default 45 check (typeof(hallmark_fee) = 'integer' and hallmark_fee >= 0),
  updated_at text not null
);
