-- conversations: what the brain cost, per UTC day, provider, model and agent (Mistral bills by token).
create table brain_usage (
  day text not null,
  provider text not null,
  model text not null,
  agent_id integer not null,
  calls integer not null default 0,
  prompt_tokens integer not null default 0,
  completion_tokens integer not null default 0,
  primary key (day, provider, model, agent_id)
);
