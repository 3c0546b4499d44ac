-- commerce: a shopper's WhatsApp cart (`order` message) becomes an order with lines (issue #8, part 3).
create table orders (
  id integer primary key,
  -- a foreign key, so merging two contacts (crm) re-points their orders
  contact_id integer not null references contacts (id),
  -- the `order` message's wamid: the same webhook twice makes one order
  inbound_id text not null unique,
  status text not null default 'new' check (status in ('new', 'confirmed', 'ready_for_pickup', 'completed', 'cancelled')),
  -- whole rupees: counted lines at our catalog prices
  total integer not null default 0 check (total >= 0),
  pieces integer not null default 0 check (pieces >= 0),
  catalog_id text,
  note text,
  thread_id integer,
  agent_id integer,
  created_at text not null,
  updated_at text not null
);
create index orders_status on orders (status, id);
create index orders_contact on orders (contact_id);

create table order_lines (
  id integer primary key,
  order_id integer not null references orders (id) on delete cascade,
  sku text not null,
  name text,
  quantity integer not null check (quantity > 0),
  -- our unit price in rupees; null for a SKU we do not have
  price integer check (price >= 0),
  cart_price real,
  cart_currency text,
  state text not null check (state in ('ok', 'price_changed', 'out_of_stock', 'unknown')),
  available integer,
  line_total integer not null default 0 check (line_total >= 0)
);
create index order_lines_order on order_lines (order_id, id);

create table order_status_changes (
  id integer primary key,
  order_id integer not null references orders (id) on delete cascade,
  at text not null,
  from_status text,
  to_status text not null,
  by text not null check (by in ('shopper', 'owner')),
  note text not null default '',
  notice text check (notice in ('sent', 'outside_window', 'no_channel', 'not_asked'))
);
create index order_status_changes_order on order_status_changes (order_id, id);
