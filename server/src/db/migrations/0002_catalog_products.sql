-- catalog: one row per product. Money in whole rupees (integer), weights in milligrams (integer).
create table products (
  id integer primary key,
  sku text not null unique collate nocase,
  name text not null,
  category text not null check (category in ('ring','earrings','necklace','chain','bangle','bracelet','pendant','mangalsutra','anklet','nose pin','set','other')),
  style text,
  metal text check (metal in ('gold','rose gold','white gold','silver','platinum')),
  purity text check (purity in ('24K','22K','18K','14K','925','950')),
  gross_weight_mg integer check (gross_weight_mg >= 0),
  net_weight_mg integer check (net_weight_mg >= 0),
  stones text not null default '[]' check (json_valid(stones)),
  stone_carat real check (stone_carat >= 0),
  price integer not null check (typeof(price) = 'integer' and price >= 0),
  stock integer not null default 0 check (typeof(stock) = 'integer' and stock >= 0),
  description text not null default '',
  gender text check (gender in ('women','men','unisex','kids')),
  occasions text not null default '[]' check (json_valid(occasions)),
  images text not null default '[]' check (json_valid(images)),
  url text,
  -- hash of the product's fields, so a re-import can tell "unchanged" from "updated"
  content_hash text not null,
  created_at text not null,
  updated_at text not null
);
create index products_filter on products (category, metal, price);
create index products_price on products (price);
