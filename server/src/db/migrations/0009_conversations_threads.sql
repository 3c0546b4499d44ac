-- conversations: one thread per shopper and channel (the simulator adds a scope: one thread per
-- pretend phone and agent), with the working memory the engine keeps from what the tools did.
create table threads (
  id integer primary key,
  contact_id integer not null references contacts (id) on delete cascade,
  channel text not null check (channel in ('whatsapp', 'simulator', 'cli')),
  -- '' for the real channels; 'agent:<id>' for a simulator conversation with one agent
  scope text not null default '',
  agent_id integer,
  -- open: the agent answers; handoff: a human has it (the agent stays quiet); closed
  state text not null default 'open' check (state in ('open', 'handoff', 'closed')),
  memory text not null default '{}' check (json_valid(memory)),
  opted_out integer not null default 0,
  follow_ups_sent integer not null default 0,
  last_inbound_at text,
  last_outbound_at text,
  created_at text not null,
  updated_at text not null,
  unique (contact_id, channel, scope)
);
-- the follow-up sweep: open WhatsApp threads whose last word was ours
create index threads_follow_up on threads (channel, state, last_outbound_at) where opted_out = 0;

create table thread_messages (
  id integer primary key,
  thread_id integer not null references threads (id) on delete cascade,
  direction text not null check (direction in ('in', 'out')),
  -- in: the wamid (the dedupe key); out: the outbox id, or a local id when nothing was queued
  message_id text not null,
  -- out: the inbound wamid this message answers (null for a follow-up)
  inbound_id text,
  -- Cloud API type: text, interactive.button_reply, interactive.product_list…
  kind text not null,
  -- one line for the model's history and previews
  text text not null,
  payload text not null check (json_valid(payload)),
  at text not null,
  unique (direction, message_id)
);
create index thread_messages_thread on thread_messages (thread_id, id);
create index thread_messages_answers on thread_messages (inbound_id) where inbound_id is not null;
