-- whatsapp outbound: the durable outbox. A row is committed before anything is sent; its own id
-- travels as biz_opaque_callback_data and comes back on every status webhook, which is how a send
-- interrupted by a crash is recognised as delivered without asking Meta (the API has no lookup).
create table wa_outbox (
  seq integer primary key,
  id text not null unique,
  -- phone number digits, or a business-scoped user id for shoppers without a visible number
  recipient text not null,
  contact_id integer references contacts (id) on delete set null,
  correlation_id text,
  -- 'text', 'interactive.button', 'template'… for lists and the Matrix
  kind text not null,
  payload text not null check (json_valid(payload)),
  -- queued → sending (committed before the HTTP call) → sent | failed | needs_template;
  -- unconfirmed: the call may have reached Meta (crash, timeout); resent after confirm_by unless a
  -- status carrying our id arrives first
  status text not null default 'queued' check (status in ('queued', 'sending', 'unconfirmed', 'sent', 'failed', 'needs_template', 'cancelled')),
  attempts integer not null default 0,
  next_attempt_at text,
  confirm_by text,
  wamid text unique,
  -- the newest delivery status from Meta's webhooks: sent → delivered → read, or failed
  delivery text check (delivery in ('sent', 'delivered', 'read', 'failed')),
  error_code integer,
  error text,
  created_at text not null,
  updated_at text not null,
  sent_at text
);
create index wa_outbox_open on wa_outbox (recipient, seq) where status in ('queued', 'sending', 'unconfirmed');
create index wa_outbox_status on wa_outbox (status, seq);
create index wa_outbox_correlation on wa_outbox (correlation_id) where correlation_id is not null;
