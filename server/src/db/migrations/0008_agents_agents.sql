-- agents: who answers shoppers, with which persona and skills. Exactly one agent is the default
-- (the one on the store's WhatsApp number); the service keeps at least one agent at all times.
create table agents (
  id integer primary key,
  -- unique regardless of case: "aarav" and "Aarav" are the same agent to `revive chat --agent`
  name text not null unique collate nocase,
  role text not null default '',
  -- PersonaSchema (contracts/agents.ts) as JSON
  persona text not null check (json_valid(persona)),
  -- [{id, enabled, config}] in Skill Store order
  skills text not null default '[]' check (json_valid(skills)),
  -- knowledge source ids; [] means all of the store's sources
  knowledge_sources text not null default '[]' check (json_valid(knowledge_sources)),
  status text not null default 'active' check (status in ('active', 'paused')),
  is_default integer not null default 0 check (is_default in (0, 1)),
  when_paused text not null default 'away_message' check (when_paused in ('away_message', 'inbox')),
  away_message text not null default '',
  -- upload | generated | illustrated, or null for no picture
  avatar_kind text check (avatar_kind in ('upload', 'generated', 'illustrated')),
  -- file name under <data>/avatars/ (null for an illustrated avatar not yet drawn)
  avatar_file text,
  avatar_description text,
  created_at text not null,
  updated_at text not null
);
-- at most one default; the service makes sure there is always exactly one
create unique index agents_one_default on agents (is_default) where is_default = 1;
