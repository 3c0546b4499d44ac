import { Anchor, Button, Card, EmptyState, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarEvent, IconChevronLeft, IconChevronRight, IconPlus, IconSettings } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/useApi';
import type { Appointment } from '../../api/contracts';
import { PageHeader } from '../../ui/PageHeader';
import { timeZoneLabel } from '../../ui/format';
import { ErrorState, LoadingState } from '../../ui/StatusStates';
import { AppointmentModal, NewAppointmentModal, type NewAppointmentDefaults } from './AppointmentDialogs';
import { addDays, dateIn, longDay, weekStart } from './calendar';
import { CalendarSettingsDrawer } from './CalendarSettingsDrawer';
import { DayView, VisitList, WeekView } from './CalendarViews';
import { useAppointments } from './useAppointments';

type Mode = 'day' | 'week';

function HowShoppersBook() {
  return (
    <EmptyState
      variant="light"
      icon={<IconCalendarEvent />}
      title="No visits booked yet"
      description="Shoppers book a visit in the WhatsApp chat: when they ask to come to the store, the agent sends the free times as a list and a tap books one. You can also book for a shopper who calls."
    >
      <EmptyState.Actions>
        <Text size="sm">
          Switch on <strong>Appointment booking</strong> for an agent in <Anchor component={Link} to="/agents">Agents</Anchor>, then try it in its simulator: “I want to visit tomorrow”.
        </Text>
      </EmptyState.Actions>
    </EmptyState>
  );
}

/** The Appointments screen: today's visits, a day or week of the calendar, settings and owner bookings. */
export function AppointmentsPage() {
  const tzProbe = useApi('getCalendar');
  const timeZone = tzProbe.data?.timeZone ?? null;
  const [mode, setMode] = useState<Mode>('day');
  const [picked, setDate] = useState<string | null>(null);
  const today = timeZone ? dateIn(new Date(), timeZone) : null;
  const date = picked ?? today;
  const from = date ? (mode === 'day' ? date : weekStart(date)) : null;
  const { calendar, slots, appointments, error, reload, setCalendar } = useAppointments(from, mode === 'day' ? 1 : 7);
  const todays = useAppointments(today, 1);
  const [opened, setOpened] = useState<Appointment | null>(null);
  const [creating, setCreating] = useState<NewAppointmentDefaults | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const tz = calendar?.timeZone ?? timeZone ?? 'Asia/Kolkata';

  // keep the open booking current when it changes (here or from the chat)
  const current = useMemo(() => (opened ? ([...(appointments ?? []), ...(todays.appointments ?? [])].find((a) => a.id === opened.id) ?? opened) : null), [opened, appointments, todays.appointments]);

  let body;
  if ((error || tzProbe.error) && !slots) body = <ErrorState error={error ?? tzProbe.error} onRetry={reload} />;
  else if (!calendar || !slots || !appointments || !date) body = <LoadingState label="Loading the calendar…" />;
  else if (mode === 'day' && slots[0]) {
    body = <DayView day={slots[0]} list={appointments} slotMinutes={calendar.settings.slotMinutes} capacity={calendar.settings.capacity} onOpen={setOpened} onBook={(start) => setCreating({ date, start })} />;
  } else body = <WeekView days={slots} list={appointments} slotMinutes={calendar.settings.slotMinutes} timeZone={tz} onOpen={setOpened} onPickDay={(d) => { setDate(d); setMode('day'); }} />;

  const step = mode === 'day' ? 1 : 7;
  const title = date ? (mode === 'day' ? longDay(date) : `Week of ${longDay(weekStart(date))}`) : '';
  const nothingYet = todays.appointments?.length === 0 && appointments?.length === 0;

  return (
    <>
      <PageHeader
        title="Appointments"
        description={`Store visits booked in the chat, in WhatsApp forms or by you. Times in ${timeZoneLabel(tz)}.`}
        extra={
          <Group gap="xs">
            <Button variant="default" leftSection={<IconSettings size={16} />} onClick={() => setSettingsOpen(true)}>
              Calendar settings
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={() => date && setCreating({ date, start: null })}>
              New appointment
            </Button>
          </Group>
        }
      />
      <Stack>
        <Card withBorder>
          <Title order={4} mb="xs">
            Today’s visits
          </Title>
          {todays.appointments ? <VisitList list={todays.appointments} timeZone={tz} onOpen={setOpened} empty="No visits today." /> : <Text c="dimmed">…</Text>}
        </Card>
        {nothingYet && <HowShoppersBook />}
        <Group justify="space-between">
          <Group gap="xs">
            <Button variant="default" size="xs" aria-label="Earlier" onClick={() => date && setDate(addDays(date, -step))}>
              <IconChevronLeft size={16} />
            </Button>
            <Button variant="default" size="xs" onClick={() => today && setDate(today)}>
              Today
            </Button>
            <Button variant="default" size="xs" aria-label="Later" onClick={() => date && setDate(addDays(date, step))}>
              <IconChevronRight size={16} />
            </Button>
            <Text fw={600} data-testid="calendar-title">
              {title}
            </Text>
          </Group>
          <SegmentedControl value={mode} onChange={(v) => setMode(v as Mode)} data={[{ value: 'day', label: 'Day' }, { value: 'week', label: 'Week' }]} />
        </Group>
        {body}
      </Stack>
      {current && <AppointmentModal
        key={current.id}
        appointment={current}
        timeZone={tz}
        onClose={() => setOpened(null)}
        onChanged={(a) => {
          setOpened(a);
          reload();
          todays.reload();
          notifications.show({ color: 'teal', title: 'Appointment updated', message: `${a.contactName ?? a.contactPhone ?? 'The visit'}: ${a.status === 'booked' ? 'booked' : a.status.replace('_', '-')}` });
        }}
      />}
      {creating && <NewAppointmentModal
        key={`${creating.date}|${creating.start ?? ''}`}
        defaults={creating}
        timeZone={tz}
        onClose={() => setCreating(null)}
        onCreated={(a) => {
          setCreating(null);
          reload();
          todays.reload();
          notifications.show({ color: 'teal', title: 'Visit booked', message: `${a.contactName || a.contactPhone || 'The shopper'} is booked.` });
        }}
      />}
      <CalendarSettingsDrawer
        view={calendar}
        opened={settingsOpen}
        onClose={() => setSettingsOpen(false)}
        onSaved={(v) => {
          setCalendar(v);
          reload();
          notifications.show({ color: 'teal', title: 'Calendar saved', message: 'Shoppers are offered slots from the new settings.' });
        }}
      />
    </>
  );
}
