-- search: the product index kept beside the catalog by SearchService.sync(). The vector table
-- (vec0) is created at run time because its size depends on the active embedder; its name and the
-- embedder id are kept in search_state.
create table search_state (
  key text primary key,
  value text not null
);

-- one row per indexed product, with the products.content_hash it was indexed from
create table search_docs (
  product_id integer primary key,
  content_hash text not null
);

-- canonical filter terms of each product (stones, occasions, styles through the jewellery
-- lexicon: "cubic zirconia" → cz, "hoop" → bali), so filters compare like with like
create table search_terms (
  kind text not null check (kind in ('stone', 'occasion', 'style')),
  value text not null,
  product_id integer not null,
  primary key (kind, value, product_id)
) without rowid;
create index search_terms_product on search_terms (product_id);

-- BM25 over the product's words; rowid = products.id
create virtual table search_fts using fts5(
  name, style, description, stones, occasions, category, metal,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
