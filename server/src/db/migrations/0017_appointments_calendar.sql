-- appointments: the store's calendar settings (hours, holidays, slot length, counters, capacity,
-- reminders) as one JSON row, validated by contracts/appointments.ts on every read and write.
create table appointment_calendar (
  id integer primary key check (id = 1),
  settings text not null check (json_valid(settings)),
  updated_at text not null
);
