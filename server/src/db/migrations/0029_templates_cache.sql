-- templates: the message templates the store has at Meta (GET /{waba-id}/message_templates), cached
-- so the manager screen and other domains (reminders, coupons) read them without a call each time.
create table wa_templates (
  id text primary key,
  name text not null,
  language text not null,
  status text not null,
  category text not null,
  -- Meta's components array as received (HEADER, BODY, FOOTER, BUTTONS)
  components text not null check (json_valid(components)),
  fetched_at text not null,
  unique (name, language)
);
