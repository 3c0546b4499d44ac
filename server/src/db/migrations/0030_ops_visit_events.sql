-- ops: a visit booked, moved, cancelled or marked joins the event log as a VISIT event. SQLite cannot
-- change a CHECK, so the table is rebuilt with the same rows, cursors and cursor sequence (pruning may
-- have deleted the newest rows: a cursor is never given twice).
create table ops_events_next (
  cursor integer primary key autoincrement,
  -- ISO-8601 UTC with Z (sorts as text)
  time text not null,
  type text not null check (type in ('INBOUND', 'THINKING', 'TOOL', 'OUTBOUND', 'STATUS', 'HANDOFF', 'ORDER', 'IMPORT', 'SYNC', 'TUNNEL', 'DEAL', 'VISIT', 'ERROR')),
  agent_id integer,
  agent text,
  contact_id integer,
  contact text,
  detail text not null,
  data text not null default '{}'
);
insert into ops_events_next (cursor, time, type, agent_id, agent, contact_id, contact, detail, data)
  select cursor, time, type, agent_id, agent, contact_id, contact, detail, data from ops_events order by cursor;
insert into sqlite_sequence (name, seq)
  select 'ops_events_next', 0 where not exists (select 1 from sqlite_sequence where name = 'ops_events_next');
update sqlite_sequence
  set seq = max(seq, coalesce((select seq from sqlite_sequence where name = 'ops_events'), 0))
  where name = 'ops_events_next';
drop table ops_events;
alter table ops_events_next rename to ops_events;
create index ops_events_type on ops_events (type, cursor);
create index ops_events_agent on ops_events (agent_id, cursor);
create index ops_events_contact on ops_events (contact_id, cursor);
create index ops_events_time on ops_events (time, type, agent_id, contact_id);
