-- feedback: a shopper's rating (1–5 stars) and comment, from the feedback Flow or a plain message
-- ("5 stars", "⭐⭐⭐⭐", "rating 2, bad service"). Shown per agent and month; 1–2 stars go to the Inbox.
create table feedback (
  id integer primary key,
  contact_id integer not null references contacts (id) on delete cascade,
  agent_id integer,
  rating integer not null check (rating between 1 and 5),
  comment text,
  source text not null check (source in ('flow', 'message')),
  at text not null
);
create index feedback_at on feedback (at);
create index feedback_agent on feedback (agent_id, at);
