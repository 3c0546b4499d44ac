-- ops: the Command Center's event log. Every step of every conversation and system job, with a
-- cursor that only grows (AUTOINCREMENT: never reused, even after pruning deletes the newest rows).
create table ops_events (
  cursor integer primary key autoincrement,
  -- ISO-8601 UTC with Z (sorts as text)
  time text not null,
  type text not null check (type in ('INBOUND', 'THINKING', 'TOOL', 'OUTBOUND', 'STATUS', 'HANDOFF', 'ORDER', 'IMPORT', 'SYNC', 'TUNNEL', 'DEAL', 'ERROR')),
  agent_id integer,
  agent text,
  contact_id integer,
  contact text,
  detail text not null,
  data text not null default '{}'
);
-- pages filtered by type, agent or contact read in cursor order without sorting
create index ops_events_type on ops_events (type, cursor);
create index ops_events_agent on ops_events (agent_id, cursor);
create index ops_events_contact on ops_events (contact_id, cursor);
-- pruning by age and the Fleet's day and hours (covering)
create index ops_events_time on ops_events (time, type, agent_id, contact_id);
