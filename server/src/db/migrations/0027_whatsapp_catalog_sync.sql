-- whatsapp catalog sync: what each product looks like in the store's Meta commerce catalog (issue #8, part 1).
-- One row per catalog and retailer id (our SKU). `hash` is the hash of the item fields last accepted by
-- Meta, so a re-sync sends only products whose fields changed; a row whose product is gone is deleted at Meta.
create table catalog_sync_items (
  catalog_id text not null,
  sku text not null,
  -- synced: Meta has the fields hashed below; pending: a change waits to be sent (or a batch is processing);
  -- failed: Meta refused the item (reason says why), retried when the product changes or on "Sync now"
  status text not null check (status in ('synced', 'pending', 'failed')),
  -- hash of the item fields last accepted by Meta (null until the first success)
  hash text,
  -- Meta's words for the last failure, or why the item could not be sent
  reason text,
  -- the batch handle an item waits on
  handle text,
  last_synced_at text,
  updated_at text not null,
  primary key (catalog_id, sku)
);
create index catalog_sync_items_status on catalog_sync_items (catalog_id, status);

-- one row per sync run, for "last sync" and the history on the Products screen
create table catalog_sync_runs (
  id integer primary key,
  catalog_id text not null,
  started_at text not null,
  finished_at text,
  -- running, done (some items may have failed), error (the run itself failed: no connection, 4xx)
  state text not null check (state in ('running', 'done', 'error')),
  created integer not null default 0,
  updated integer not null default 0,
  deleted integer not null default 0,
  failed integer not null default 0,
  unchanged integer not null default 0,
  error text
);
