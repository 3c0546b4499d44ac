-- flows: one row per Flow message we send (its flow_token), so the data endpoint and the completion
-- (nfm_reply) know the shopper, where the booking stands, and never book or rate twice.
create table flow_sessions (
  token text primary key,
  flow text not null check (flow in ('book_appointment', 'feedback')),
  contact_id integer not null references contacts (id),
  -- the booking flow's progress as the endpoint saw it ({"date":"2026-12-02","slot":"…Z"}), for BACK
  state text not null default '{}' check (json_valid(state)),
  -- set once, when the endpoint or the completion booked: the appointment's id, start and service
  appointment_id integer,
  booked_start text,
  booked_service text,
  -- the feedback flow's rating, once recorded
  rating integer check (rating between 1 and 5),
  created_at text not null,
  completed_at text
);
create index flow_sessions_contact on flow_sessions (contact_id, created_at);
