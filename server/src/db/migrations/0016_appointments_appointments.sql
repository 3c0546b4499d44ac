-- appointments: a shopper's visit to the store in one slot of the calendar (issue #9, part 1).
-- Capacity is enforced by the service inside one write transaction (count, then insert).
create table appointments (
  id integer primary key,
  contact_id integer not null references contacts (id),
  -- ISO-8601 UTC; end = start + the slot length at booking time
  start_at text not null,
  end_at text not null,
  service text not null check (service in ('try_on', 'custom_design', 'repair', 'old_gold')),
  status text not null default 'booked' check (status in ('booked', 'cancelled', 'completed', 'no_show')),
  source text not null check (source in ('chat', 'flow', 'owner')),
  counter text,
  note text not null default '',
  cancel_reason text,
  -- the day-before reminder went into the outbox (never sent twice)
  reminded_at text,
  created_at text not null,
  updated_at text not null
);
create index appointments_start on appointments (start_at, status);
create index appointments_contact on appointments (contact_id, start_at);
