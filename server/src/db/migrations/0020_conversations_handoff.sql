-- conversations: why and when a thread went to a person (the Inbox), the agent's unanswered turns
-- in a row (a handoff trigger), when the owner last read the thread (unread count), and who wrote
-- an outbound line (the agent, or the owner replying from the Inbox).
alter table threads add column handoff_reason text;
alter table threads add column handoff_at text;
alter table threads add column failed_turns integer not null default 0;
alter table threads add column owner_read_at text;
alter table thread_messages add column sent_by text not null default 'agent' check (sent_by in ('agent', 'owner'));
-- the Inbox lists threads needing a person first
create index threads_inbox on threads (state, updated_at);
-- human_handoff was a greyed placeholder, saved as off on every agent; it is now a real skill, on by default
update agents set skills = (
  select json_group_array(case when json_extract(s.value, '$.id') = 'human_handoff' then json_set(s.value, '$.enabled', json('true')) else json(s.value) end)
  from json_each(agents.skills) s
) where exists (select 1 from json_each(agents.skills) s where json_extract(s.value, '$.id') = 'human_handoff');
