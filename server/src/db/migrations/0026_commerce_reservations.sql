-- commerce: stock held for open orders. Available = catalog stock − held pieces of open reservations.
-- A reservation is released when its order is cancelled and consumed (the catalog's stock goes down
-- by its pieces) when the order is completed; either way it stops holding stock.
create table stock_reservations (
  id integer primary key,
  order_id integer not null references orders (id) on delete cascade,
  sku text not null,
  quantity integer not null check (quantity > 0),
  state text not null default 'held' check (state in ('held', 'released', 'consumed')),
  created_at text not null,
  closed_at text
);
create index stock_reservations_sku on stock_reservations (sku, state);
create index stock_reservations_order on stock_reservations (order_id);
