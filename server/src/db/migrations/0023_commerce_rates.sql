-- commerce: metal rates per gram (issue #8, part 6). Each change is a row; the newest row is today's rate.
-- Whole rupees per gram: gold24 for 24K (999) gold, silver for 999 silver, platinum for 999 platinum.
create table metal_rates (
  id integer primary key,
  gold24 integer check (gold24 is null or (typeof(gold24) = 'integer' and gold24 > 0)),
  silver integer check (silver is null or (typeof(silver) = 'integer' and silver > 0)),
  platinum integer check (platinum is null or (typeof(platinum) = 'integer' and platinum > 0)),
  -- when the rates were quoted (the feed's asOf, or the moment the owner saved them), ISO-8601 UTC
  as_of text not null,
  source text not null check (source in ('manual', 'feed')),
  created_at text not null
);
create index metal_rates_as_of on metal_rates (as_of);

-- the store's rate feed: one row (id = 1) with where to fetch, how often, and how the last fetch went
create table rate_feed (
  id integer primary key check (id = 1),
  url text,
  interval_minutes integer not null default 60 check (interval_minutes between 5 and 1440),
  last_fetch_at text,
  last_ok_at text,
  last_error text
);
insert into rate_feed (id) values (1);
