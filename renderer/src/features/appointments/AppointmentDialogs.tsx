import { Alert, Badge, Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import { APPOINTMENT_SERVICE_LABELS, APPOINTMENT_SERVICES, type Appointment, type AppointmentService } from '../../api/contracts';
import { longDay, SERVICE_COLORS, STATUS_COLORS, STATUS_LABELS, timeOf, who, dateIn } from './calendar';

const SERVICE_OPTIONS = APPOINTMENT_SERVICES.map((s) => ({ value: s, label: APPOINTMENT_SERVICE_LABELS[s] }));
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** A date and one of its free slots (full and past ones left out). */
function SlotPicker({ date, onDate, value, onChange, minDate }: { date: string; onDate: (d: string) => void; value: string | null; onChange: (v: string | null) => void; minDate: string }) {
  const client = useApiClient();
  const [options, setOptions] = useState<{ value: string; label: string }[] | null>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    let live = true;
    client
      .call('freeSlots', { query: { from: date, days: 1 } })
      .then((r) => {
        if (!live) return;
        const day = r.days[0];
        const free = (day?.slots ?? []).filter((s) => s.free > 0 && Date.parse(s.start) > Date.now());
        setOptions(free.map((s) => ({ value: s.start, label: `${s.label} (${s.free} free)` })));
        setNote(day?.closed ? (day.reason ?? 'Closed') : free.length === 0 ? 'No free slot on this day' : null);
      })
      .catch((err: unknown) => live && setNote(message(err)));
    return () => {
      live = false;
    };
  }, [client, date]);
  return (
    <Group grow align="flex-start">
      <TextInput type="date" label="Day" value={date} min={minDate} onChange={(e) => { onDate(e.currentTarget.value); onChange(null); }} required />
      <Select label="Time" placeholder={note ?? 'Pick a free slot'} data={options ?? []} value={value} onChange={onChange} error={note && note !== 'No free slot on this day' ? note : undefined} required searchable={false} aria-label="Time" />
    </Group>
  );
}

/** A booking's details: reschedule to a free slot, cancel, mark completed or no-show. */
export function AppointmentModal({ appointment: a, timeZone, onClose, onChanged }: { appointment: Appointment; timeZone: string; onClose: () => void; onChanged: (a: Appointment) => void }) {
  const client = useApiClient();
  const [moving, setMoving] = useState(false);
  const [date, setDate] = useState(() => dateIn(new Date(a.start), timeZone));
  const [start, setStart] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const act = async (fn: () => Promise<Appointment>) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await fn());
      setMoving(false);
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  };
  const id = { id: String(a.id) };
  return (
    <Modal opened onClose={onClose} title={`${who(a)} · ${APPOINTMENT_SERVICE_LABELS[a.service]}`} size="lg">
      <Stack>
        <Group gap="xs">
          <Badge color={STATUS_COLORS[a.status]}>{STATUS_LABELS[a.status]}</Badge>
          <Badge color={SERVICE_COLORS[a.service]} variant="light">
            {APPOINTMENT_SERVICE_LABELS[a.service]}
          </Badge>
          <Badge variant="outline" color="gray">
            booked {a.source === 'owner' ? 'by you' : a.source === 'flow' ? 'in a WhatsApp form' : 'in the chat'}
          </Badge>
        </Group>
        <Text data-testid="appointment-when">
          <strong>{longDay(dateIn(new Date(a.start), timeZone))}</strong>, {timeOf(a.start, timeZone)} – {timeOf(a.end, timeZone)}
        </Text>
        <Text size="sm" c="dimmed">
          {a.contactPhone ?? ''} {a.counter ? `· ${a.counter}` : ''} {a.remindedAt ? '· reminder sent' : ''}
        </Text>
        {a.note && <Text size="sm">Note: {a.note}</Text>}
        {a.cancelReason && <Text size="sm">Cancelled: {a.cancelReason}</Text>}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {moving ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (start) void act(() => client.call('rescheduleAppointment', { params: id, body: { start } }));
            }}
          >
            <Stack>
              <SlotPicker date={date} onDate={setDate} value={start} onChange={setStart} minDate={dateIn(new Date(), timeZone)} />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setMoving(false)}>
                  Back
                </Button>
                <Button type="submit" disabled={!start} loading={busy}>
                  Move the visit
                </Button>
              </Group>
            </Stack>
          </form>
        ) : a.status === 'cancelled' ? null : (
          <Stack>
            <Group>
              <Button onClick={() => setMoving(true)}>Reschedule</Button>
              {a.status === 'booked' ? (
                <>
                  <Button variant="light" color="teal" loading={busy} onClick={() => void act(() => client.call('markAppointment', { params: id, body: { status: 'completed' } }))}>
                    Completed
                  </Button>
                  <Button variant="light" color="gray" loading={busy} onClick={() => void act(() => client.call('markAppointment', { params: id, body: { status: 'no_show' } }))}>
                    No-show
                  </Button>
                </>
              ) : (
                <Button variant="light" loading={busy} onClick={() => void act(() => client.call('markAppointment', { params: id, body: { status: 'booked' } }))}>
                  Back to booked
                </Button>
              )}
            </Group>
            {a.status === 'booked' && (
              <Group align="flex-end">
                <TextInput label="Cancel with a reason (optional)" placeholder="e.g. shopper called, travelling" value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={300} style={{ flex: 1 }} />
                <Button color="red" variant="light" loading={busy} onClick={() => void act(() => client.call('cancelAppointment', { params: id, body: { reason } }))}>
                  Cancel visit
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}

export interface NewAppointmentDefaults {
  date: string;
  start: string | null;
}

/** The owner books a visit for a shopper by phone (a walk-in call, a relative's request). */
export function NewAppointmentModal({ defaults, timeZone, onClose, onCreated }: { defaults: NewAppointmentDefaults; timeZone: string; onClose: () => void; onCreated: (a: Appointment) => void }) {
  const client = useApiClient();
  const [phone, setPhone] = useState('+91');
  const [name, setName] = useState('');
  const [service, setService] = useState<AppointmentService>('try_on');
  const [date, setDate] = useState(defaults.date);
  const [start, setStart] = useState<string | null>(defaults.start);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const phoneOk = /^\+[1-9]\d{7,14}$/.test(phone.replace(/[\s-]/g, ''));
  return (
    <Modal opened onClose={onClose} title="New appointment" size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!start || !phoneOk) return;
          setBusy(true);
          client
            .call('createAppointment', { body: { phone: phone.replace(/[\s-]/g, ''), name, start, service, note } })
            .then((a) => {
              setPhone('+91');
              setName('');
              setNote('');
              onCreated(a);
            })
            .catch((err: unknown) => setError(message(err)))
            .finally(() => setBusy(false));
        }}
      >
        <Stack>
          <Group grow align="flex-start">
            <TextInput label="Shopper's WhatsApp number" value={phone} onChange={(e) => setPhone(e.currentTarget.value)} error={phone.length > 4 && !phoneOk ? 'Use the international format, e.g. +919876543210' : undefined} required data-autofocus />
            <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={80} />
          </Group>
          <Select label="Visit for" data={SERVICE_OPTIONS} value={service} onChange={(v) => v && setService(v as AppointmentService)} allowDeselect={false} />
          <SlotPicker date={date} onDate={setDate} value={start} onChange={setStart} minDate={dateIn(new Date(), timeZone)} />
          <Textarea label="Note" placeholder="e.g. wants to see bridal sets under ₹2,00,000" value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={300} />
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
            <Button type="submit" disabled={!start || !phoneOk} loading={busy}>
              Book the visit
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
