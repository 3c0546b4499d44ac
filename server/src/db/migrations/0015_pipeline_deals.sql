-- pipeline: a deal per shopper interest, on the stages a jeweller knows (issue #11, part 6).
-- Deals move by hand (the Kanban) or by themselves on conversation events; every move is kept.
create table deals (
  id integer primary key,
  -- a foreign key, so merging two contacts (crm) re-points their deals
  contact_id integer not null references contacts (id),
  title text not null,
  stage text not null default 'new' check (stage in ('new', 'contacted', 'interest', 'negotiating', 'booked', 'sold', 'lost')),
  -- order within its column, 0 = top; the service keeps each column 0..n-1
  position integer not null default 0,
  -- whole rupees
  value integer not null default 0 check (value >= 0),
  -- who set the value last: auto values follow the products looked at until the owner types one
  value_by text not null default 'auto' check (value_by in ('auto', 'owner')),
  -- SKUs the shopper looked at or ordered, JSON array
  products text not null default '[]' check (json_valid(products)),
  agent_id integer,
  next_step text not null default '',
  lost_reason text,
  -- the title was made up before the shopper said what they want; the first product word replaces it
  title_auto integer not null default 0 check (title_auto in (0, 1)),
  created_at text not null,
  updated_at text not null,
  stage_changed_at text not null,
  -- the owner's last hand move: automatic moves leave the deal alone for a while after it
  owner_moved_at text
);
create index deals_stage on deals (stage, position);
create index deals_contact on deals (contact_id);

create table deal_moves (
  id integer primary key,
  deal_id integer not null references deals (id) on delete cascade,
  at text not null,
  from_stage text,
  to_stage text not null,
  by text not null check (by in ('owner', 'auto')),
  reason text not null default ''
);
create index deal_moves_deal on deal_moves (deal_id, id);
