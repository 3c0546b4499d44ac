-- crm: the store's contacts, minimal form (the Audience issue adds tags, imports, segments).
-- A shopper is known by their WhatsApp id (wa_id, usually the phone number's digits) and/or the
-- business-scoped user id (user_id) Meta is moving to: a shopper may arrive without a phone
-- number, so no single column is required, but one of them must be there.
create table contacts (
  id integer primary key,
  wa_id text unique,
  user_id text unique,
  parent_user_id text,
  username text,
  -- E.164, when known (from a numeric wa_id, or imported)
  phone text unique,
  name text,
  -- the shopper's last message (Meta's time): the 24-hour customer-service window runs from it
  last_inbound_at text,
  -- the latest user_preferences choice for marketing messages (stop, resume, signup…)
  marketing_preference text,
  marketing_preference_at text,
  created_at text not null,
  updated_at text not null,
  check (wa_id is not null or user_id is not null or phone is not null)
);
create index contacts_last_inbound on contacts (last_inbound_at);
