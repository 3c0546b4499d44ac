import { ActionIcon, Alert, Button, Checkbox, Divider, Drawer, Group, NumberInput, Stack, Switch, TagsInput, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import type { ApiResponse, CalendarSettings, OpeningHours } from '../../api/contracts';

type View = ApiResponse<'getCalendar'>;
const DAY_NAMES: Record<OpeningHours['day'], string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

/** The store's calendar: hours (or the store profile's), holidays, slot length, capacity, counters, reminders. */
export function CalendarSettingsDrawer({ view, opened, onClose, onSaved }: { view: View | null; opened: boolean; onClose: () => void; onSaved: (v: View) => void }) {
  return (
    <Drawer opened={opened} onClose={onClose} title="Calendar settings" position="right" size="lg">
      {opened && view && <SettingsForm view={view} onClose={onClose} onSaved={onSaved} />}
    </Drawer>
  );
}

function SettingsForm({ view, onClose, onSaved }: { view: View; onClose: () => void; onSaved: (v: View) => void }) {
  const client = useApiClient();
  const [s, setS] = useState<CalendarSettings>(view.settings);
  const [hours, setHours] = useState<OpeningHours[]>(view.settings.hours ?? view.effectiveHours);
  const [ownHours, setOwnHours] = useState(view.settings.hours !== null);
  const [holiday, setHoliday] = useState({ date: '', name: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof CalendarSettings>(k: K, v: CalendarSettings[K]) => setS({ ...s, [k]: v });
  const setDay = (i: number, patch: Partial<OpeningHours>) => setHours(hours.map((h, k) => (k === i ? { ...h, ...patch } : h)));
  const save = () => {
    setBusy(true);
    setError(null);
    client
      .call('putCalendar', { body: { ...s, hours: ownHours ? hours : null } })
      .then((v) => {
        onSaved(v);
        onClose();
      })
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)))
      .finally(() => setBusy(false));
  };
  return (
    <Stack>
        <Group grow>
          <NumberInput label="Slot length (minutes)" min={15} max={240} step={15} value={s.slotMinutes} onChange={(v) => set('slotMinutes', Number(v) || 30)} />
          <NumberInput label="Visits at once" description="counters or staff free per slot" min={1} max={50} value={s.capacity} onChange={(v) => set('capacity', Number(v) || 1)} />
        </Group>
        <TagsInput label="Counters or staff" description="A booking takes the first free one" placeholder="Type a name, press Enter" value={s.counters} onChange={(v) => set('counters', v)} />
        <Group grow>
          <NumberInput label="Book up to (days ahead)" min={1} max={90} value={s.daysAhead} onChange={(v) => set('daysAhead', Number(v) || 14)} />
          <NumberInput label="Notice (minutes)" description="no slot sooner than this" min={0} max={1440} step={15} value={s.minNoticeMinutes} onChange={(v) => set('minNoticeMinutes', Number(v) || 0)} />
        </Group>
        <Divider label="Opening hours for visits" labelPosition="left" />
        <Switch label="Use different hours from the store profile" checked={ownHours} onChange={(e) => setOwnHours(e.currentTarget.checked)} />
        {hours.map((h, i) => (
          <Group key={h.day} gap="xs" wrap="nowrap">
            <Text w={90} size="sm">
              {DAY_NAMES[h.day]}
            </Text>
            <Checkbox label="Closed" checked={h.closed} disabled={!ownHours} onChange={(e) => setDay(i, { closed: e.currentTarget.checked })} />
            <TextInput type="time" aria-label={`${DAY_NAMES[h.day]} opens`} value={h.open} disabled={!ownHours || h.closed} onChange={(e) => setDay(i, { open: e.currentTarget.value })} w={130} />
            <TextInput type="time" aria-label={`${DAY_NAMES[h.day]} closes`} value={h.close} disabled={!ownHours || h.closed} onChange={(e) => setDay(i, { close: e.currentTarget.value })} w={130} />
          </Group>
        ))}
        <Divider label="Holidays" labelPosition="left" />
        {s.holidays.length === 0 && <Text size="sm" c="dimmed">No holidays: add the days the store is shut (Diwali, a family function).</Text>}
        {s.holidays.map((h) => (
          <Group key={h.date} gap="xs">
            <Text size="sm" w={100}>
              {h.date}
            </Text>
            <Text size="sm" style={{ flex: 1 }}>
              {h.name}
            </Text>
            <ActionIcon variant="subtle" color="red" aria-label={`Remove ${h.date}`} onClick={() => set('holidays', s.holidays.filter((x) => x.date !== h.date))}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group align="flex-end" gap="xs">
          <TextInput type="date" label="Day" value={holiday.date} onChange={(e) => setHoliday({ ...holiday, date: e.currentTarget.value })} />
          <TextInput label="Name" placeholder="e.g. Diwali" value={holiday.name} onChange={(e) => setHoliday({ ...holiday, name: e.currentTarget.value })} style={{ flex: 1 }} />
          <Button
            variant="light"
            disabled={!holiday.date || s.holidays.some((h) => h.date === holiday.date)}
            onClick={() => {
              set('holidays', [...s.holidays, holiday].sort((a, b) => a.date.localeCompare(b.date)));
              setHoliday({ date: '', name: '' });
            }}
          >
            Add
          </Button>
        </Group>
        <Divider label="Reminders" labelPosition="left" />
        <Switch label="Remind shoppers on WhatsApp the day before" checked={s.reminders.enabled} onChange={(e) => set('reminders', { ...s.reminders, enabled: e.currentTarget.checked })} />
        <Group grow>
          <TextInput label="Template name" description="approved at Meta, with variables name, date, time" value={s.reminders.template} onChange={(e) => set('reminders', { ...s.reminders, template: e.currentTarget.value })} />
          <TextInput label="Template language" value={s.reminders.language} onChange={(e) => set('reminders', { ...s.reminders, language: e.currentTarget.value })} w={100} />
        </Group>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={save} loading={busy}>
            Save
          </Button>
        </Group>
    </Stack>
  );
}
