-- crm: the Audience (issue #11): what the store knows about each contact, tags with their reasons,
-- merges, imports, segments and broadcasts.
alter table contacts add column email text;
alter table contacts add column city text;
-- "1990-05-14", or "05-14" when the year is unknown
alter table contacts add column birthday text;
alter table contacts add column anniversary text;
-- whole rupees
alter table contacts add column total_spend integer not null default 0;
alter table contacts add column last_purchase_at text;
-- the last message either way (the shopper's or ours)
alter table contacts add column last_message_at text;
-- messages the shopper sent
alter table contacts add column message_count integer not null default 0;
alter table contacts add column source text not null default 'whatsapp';
alter table contacts add column opt_in text not null default 'unknown';
alter table contacts add column notes text not null default '';
-- {"Ring size": "12"}: fields the owner added through an import mapping
alter table contacts add column custom text not null default '{}';
-- a shopper of the simulator or `revive chat`: hidden unless asked for
alter table contacts add column is_test integer not null default 0;
create index contacts_total_spend on contacts (total_spend);
create index contacts_last_message on contacts (last_message_at);

create table contact_tags (
  contact_id integer not null references contacts (id) on delete cascade,
  tag text not null collate nocase,
  -- manual | import | auto
  source text not null,
  -- why an auto tag was given ("asked: 'diamond ring under 50k'")
  reason text,
  at text not null,
  primary key (contact_id, tag)
);
create index contact_tags_tag on contact_tags (tag);

-- tags the owner banned: removed everywhere and never given again
create table tag_bans (tag text primary key collate nocase, at text not null);

-- an auto tag the owner removed: not given again for the same rule
create table tag_removals (
  contact_id integer not null references contacts (id) on delete cascade,
  tag text not null collate nocase,
  at text not null,
  primary key (contact_id, tag)
);

create table contact_merges (
  id integer primary key,
  contact_id integer not null references contacts (id) on delete cascade,
  -- the contact (or import row) folded in; for an import, 0
  merged_contact_id integer not null,
  -- import | whatsapp | manual
  via text not null,
  -- JSON array of the fields that took the merged value
  fields text not null default '[]',
  at text not null
);
create index contact_merges_contact on contact_merges (contact_id);

create table contact_imports (
  id text primary key,
  file_name text not null,
  format text not null,
  -- uploaded | running | done | failed
  status text not null,
  stored_path text,
  headers text not null default '[]',
  row_count integer not null default 0,
  suggested_mapping text not null default '{}',
  report text,
  -- JSON: [{row, reason, cells}] for the rejected-rows CSV
  rejected_rows text,
  error text,
  created_at text not null,
  finished_at text
);

create table segments (
  id integer primary key,
  name text not null unique collate nocase,
  description text not null default '',
  -- all | any
  match text not null default 'all',
  rules text not null default '[]',
  built_in integer not null default 0,
  created_at text not null,
  updated_at text not null
);
insert into segments (name, description, match, rules, built_in, created_at, updated_at) values
  ('Big Spenders', 'Spent ₹1,00,000 or more', 'all', '[{"field":"totalSpend","op":"gte","value":100000}]', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('Window Shoppers', 'Five or more messages, no purchase yet', 'all', '[{"field":"messageCount","op":"gte","value":5},{"field":"totalSpend","op":"eq","value":0}]', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('Cold Leads', 'No message either way for 30 days', 'all', '[{"field":"lastMessageAt","op":"olderThanDays","value":30}]', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');

create table broadcasts (
  id integer primary key,
  segment_id integer not null,
  segment_name text not null,
  template text not null,
  language text not null,
  total integer not null,
  skipped_opt_out integer not null,
  skipped_no_phone integer not null,
  created_at text not null
);
create table broadcast_recipients (
  broadcast_id integer not null references broadcasts (id) on delete cascade,
  contact_id integer not null,
  outbox_id text not null,
  primary key (broadcast_id, contact_id)
);
