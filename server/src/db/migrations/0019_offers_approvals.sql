-- offers: asks above the agent's cap wait for the owner (Inbox); approving sends a coupon to the
-- shopper through the outbox, declining sends a polite no. The offer settings in force when asked
-- (template, validity, making-charges rule) are kept with the request.
create table offer_approvals (
  id integer primary key,
  contact_id integer not null references contacts (id),
  agent_id integer,
  -- the shopper's WhatsApp recipient (digits or business-scoped id), for the answer
  recipient text not null,
  sku text,
  price integer,
  asked_percent real,
  asked_text text not null default '',
  cap_percent real not null,
  status text not null default 'pending' check (status in ('pending', 'approved', 'declined')),
  decided_percent real,
  decided_at text,
  coupon_id integer references coupons (id),
  -- JSON: { couponTemplate, couponDays, onMakingChargesOnly, base, appliesTo }
  settings text not null default '{}' check (json_valid(settings)),
  created_at text not null
);
create index offer_approvals_status on offer_approvals (status, id);
