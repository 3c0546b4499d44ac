-- try-on (issue #9, part 3): shoppers' photos and the pictures composed from them. Files live in
-- <media>/tryon/ (not a public folder); both rows and files go at expires_at (the store's retention).
create table tryon_photos (
  id integer primary key,
  -- null for a photo uploaded on the Try-on screen or for the simulator, until a shopper sends it
  contact_id integer,
  source text not null check (source in ('whatsapp', 'simulator', 'cli', 'owner')),
  -- the WhatsApp media id it came from, or the local id a simulator image message refers to
  media_id text,
  file text not null,
  width integer not null,
  height integer not null,
  bytes integer not null,
  created_at text not null,
  expires_at text not null
);
create unique index tryon_photos_media on tryon_photos (media_id) where media_id is not null;
create index tryon_photos_contact on tryon_photos (contact_id, created_at);
create index tryon_photos_expiry on tryon_photos (expires_at);

create table tryon_results (
  id integer primary key,
  photo_id integer not null references tryon_photos (id) on delete cascade,
  contact_id integer,
  sku text not null,
  category text not null,
  -- 'new' counts against the skill's maxPerDay; 'adjust' (a shopper's nudge) does not
  kind text not null check (kind in ('new', 'adjust')),
  -- the shopper's accumulated nudges: offsets in photo fractions and a size factor
  dx real not null default 0,
  dy real not null default 0,
  scale real not null default 1,
  file text not null,
  created_at text not null,
  expires_at text not null
);
create index tryon_results_contact on tryon_results (contact_id, created_at);
create index tryon_results_expiry on tryon_results (expires_at);
