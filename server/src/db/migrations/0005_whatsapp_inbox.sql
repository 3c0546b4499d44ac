-- whatsapp inbound. Every signed webhook body exactly as received; one inbox row per message id
-- (the UNIQUE wamid is the dedupe: Meta delivers at least once and retries for days); every
-- delivery status of our outbound messages; marketing preference changes.
create table wa_webhook_payloads (
  id integer primary key,
  received_at text not null,
  body blob not null,
  messages integer not null default 0,
  new_messages integer not null default 0,
  statuses integer not null default 0,
  preferences integer not null default 0
);

create table wa_inbox (
  id integer primary key,
  wamid text not null unique,
  payload_id integer not null references wa_webhook_payloads (id),
  -- processing is serial per shopper: wa_id when known, else the business-scoped user id
  sender_key text not null,
  type text not null,
  text text,
  -- the normalised message (the raw message object inside it)
  message text not null check (json_valid(message)),
  sent_at text not null,
  received_at text not null,
  -- received → pending (contact and window updated; waiting for, or retrying, the handler) → handled | failed
  state text not null default 'received' check (state in ('received', 'pending', 'handled', 'failed')),
  contact_id integer references contacts (id),
  attempts integer not null default 0,
  last_error text,
  updated_at text not null
);
create index wa_inbox_open on wa_inbox (state, id) where state in ('received', 'pending');
create index wa_inbox_contact on wa_inbox (contact_id, id);

create table wa_statuses (
  id integer primary key,
  wamid text not null,
  status text not null,
  at text not null,
  recipient_id text,
  -- biz_opaque_callback_data: the outbound message's own id, for correlation
  callback_data text,
  error_code integer,
  errors text not null default '[]' check (json_valid(errors)),
  conversation text check (conversation is null or json_valid(conversation)),
  pricing text check (pricing is null or json_valid(pricing)),
  raw text not null check (json_valid(raw)),
  payload_id integer not null references wa_webhook_payloads (id),
  received_at text not null,
  unique (wamid, status)
);
create index wa_statuses_callback on wa_statuses (callback_data) where callback_data is not null;

create table wa_user_preferences (
  id integer primary key,
  -- wa_id|user_id|category|value|time: a redelivered change is stored once
  dedupe_key text not null unique,
  wa_id text,
  user_id text,
  category text not null,
  value text not null,
  detail text,
  at text not null,
  raw text not null check (json_valid(raw)),
  payload_id integer not null references wa_webhook_payloads (id),
  applied_at text
);
create index wa_user_preferences_unapplied on wa_user_preferences (id) where applied_at is null;
