-- knowledge: the store's own documents (policies, FAQs) the agent answers from. A source is one
-- file or pasted text; its chunks are indexed twice: BM25 in knowledge_fts (rowid = chunk id) and
-- vectors in one vec0 table per embedder, created at run time (its size depends on the embedder),
-- named in knowledge_state.
create table knowledge_sources (
  id integer primary key,
  name text not null,
  kind text not null check (kind in ('file', 'text', 'url')),
  mime text not null default '',
  bytes integer not null default 0,
  -- of the bytes as given; the same content again is the same source
  sha256 text not null,
  status text not null default 'queued' check (status in ('queued', 'processing', 'ready', 'failed')),
  error text,
  chunks integer not null default 0,
  -- the decoded text, kept so a source can be re-processed (null when it could not be read)
  content text,
  created_at text not null,
  updated_at text not null
);
create unique index knowledge_sources_sha256 on knowledge_sources (sha256);

create table knowledge_chunks (
  id integer primary key,
  source_id integer not null references knowledge_sources (id) on delete cascade,
  ord integer not null,
  heading text not null default '',
  location text not null,
  text text not null
);
create index knowledge_chunks_source on knowledge_chunks (source_id, ord);

create table knowledge_state (
  key text primary key,
  value text not null
);

-- title = the document's top heading, heading = the headings below it (the path of the chunk)
create virtual table knowledge_fts using fts5(
  title, heading, text,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
