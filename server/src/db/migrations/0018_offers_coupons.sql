-- offers: the discount authority skill (issue #9). Each offer the agent makes within its cap is a
-- single-use coupon code with an expiry; a better offer to the same shopper on the same piece
-- replaces the earlier code. Negotiation state per shopper and piece: how far the agent conceded.
create table coupons (
  id integer primary key,
  -- short and unambiguous: REV- and 4 letters/digits without 0/O/1/I/L
  code text not null unique,
  contact_id integer not null references contacts (id),
  agent_id integer,
  -- null: on any piece
  sku text,
  percent real not null check (percent > 0 and percent <= 50),
  -- whole rupees off; null when not on one product
  amount integer check (amount is null or amount >= 0),
  -- what the percent applies to
  applies_to text not null check (applies_to in ('making', 'price', 'any')),
  source text not null check (source in ('agent', 'owner')),
  -- 'expired' is computed from expires_at when read
  status text not null default 'active' check (status in ('active', 'used', 'replaced')),
  expires_at text not null,
  used_at text,
  created_at text not null
);
create index coupons_contact on coupons (contact_id, sku);
create index coupons_status on coupons (status, expires_at);

create table offer_negotiations (
  -- cascade: a merge that cannot re-point a row (the survivor has its own) drops it with the merged contact
  contact_id integer not null references contacts (id) on delete cascade,
  -- '' when the shopper asked about no piece in particular
  sku text not null default '',
  -- the last percent offered, and how many times the shopper asked
  last_percent real not null,
  asks integer not null default 1,
  updated_at text not null,
  primary key (contact_id, sku)
);
