import { Badge, Card, Group, Paper, ScrollArea, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import type { Appointment, DaySlots } from '../../api/contracts';
import { APPOINTMENT_SERVICE_LABELS } from '../../api/contracts';
import { gridTimes, inSlot, SERVICE_COLORS, STATUS_COLORS, STATUS_LABELS, timeOf, who } from './calendar';

function Booking({ a, onOpen, compact }: { a: Appointment; onOpen: (a: Appointment) => void; compact?: boolean }) {
  return (
    <UnstyledButton onClick={() => onOpen(a)} data-testid={`appointment-${a.id}`} aria-label={`${who(a)}, ${APPOINTMENT_SERVICE_LABELS[a.service]}`}>
      <Paper withBorder px={6} py={2} radius="sm" bg={`var(--mantine-color-${SERVICE_COLORS[a.service]}-light)`}>
        <Text size="xs" fw={600} truncate maw={compact ? 120 : 260}>
          {who(a)}
        </Text>
        {!compact && (
          <Text size="xs" c="dimmed">
            {APPOINTMENT_SERVICE_LABELS[a.service]}
            {a.counter ? ` · ${a.counter}` : ''}
          </Text>
        )}
        {a.status !== 'booked' && (
          <Badge size="xs" color={STATUS_COLORS[a.status]} variant="light">
            {STATUS_LABELS[a.status]}
          </Badge>
        )}
      </Paper>
    </UnstyledButton>
  );
}

/** Today's visits (or any day's), in time order, for the top of the screen. */
export function VisitList({ list, timeZone, onOpen, empty }: { list: Appointment[]; timeZone: string; onOpen: (a: Appointment) => void; empty: string }) {
  const shown = list.filter((a) => a.status !== 'cancelled');
  if (shown.length === 0) return <Text c="dimmed" size="sm">{empty}</Text>;
  return (
    <Stack gap={6} data-testid="todays-visits">
      {shown.map((a) => (
        <UnstyledButton key={a.id} onClick={() => onOpen(a)}>
          <Group gap="sm" wrap="nowrap">
            <Text fw={600} w={80} size="sm">
              {timeOf(a.start, timeZone)}
            </Text>
            <Text size="sm" truncate>
              {who(a)}
            </Text>
            <Badge color={SERVICE_COLORS[a.service]} variant="light" size="sm">
              {APPOINTMENT_SERVICE_LABELS[a.service]}
            </Badge>
            {a.status !== 'booked' && <Badge color={STATUS_COLORS[a.status]} size="sm">{STATUS_LABELS[a.status]}</Badge>}
          </Group>
        </UnstyledButton>
      ))}
    </Stack>
  );
}

/** One day: every slot of the calendar with its bookings and what is still free. */
export function DayView({ day, list, slotMinutes, capacity, onOpen, onBook }: { day: DaySlots; list: Appointment[]; slotMinutes: number; capacity: number; onOpen: (a: Appointment) => void; onBook: (start: string) => void }) {
  const [now] = useState(() => Date.now());
  if (day.closed) {
    return (
      <Card withBorder>
        <Text c="dimmed">{day.reason === 'Closed' ? 'The store is closed on this day.' : `${day.reason ?? 'Closed'}: no visits are offered.`}</Text>
      </Card>
    );
  }
  return (
    <Table withTableBorder verticalSpacing={4} data-testid="day-view">
      <Table.Tbody>
        {day.slots.map((s) => {
          const here = inSlot(list, s.start, slotMinutes);
          const past = Date.parse(s.start) < now;
          return (
            <Table.Tr key={s.start}>
              <Table.Td w={100}>
                <Text size="sm" fw={500} c={past ? 'dimmed' : undefined}>
                  {s.label}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={6}>
                  {here.map((a) => (
                    <Booking key={a.id} a={a} onOpen={onOpen} />
                  ))}
                  {!past && here.length < capacity && (
                    <UnstyledButton onClick={() => onBook(s.start)} aria-label={`Book ${s.label}`}>
                      <Text size="xs" c="dimmed">
                        {capacity - here.length} free · book
                      </Text>
                    </UnstyledButton>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** Seven days side by side: a row per slot time, each cell the bookings of that slot. */
export function WeekView({ days, list, slotMinutes, timeZone, onOpen, onPickDay }: { days: DaySlots[]; list: Appointment[]; slotMinutes: number; timeZone: string; onOpen: (a: Appointment) => void; onPickDay: (date: string) => void }) {
  const times = gridTimes(days, timeZone);
  return (
    <ScrollArea>
      <Table withTableBorder withColumnBorders verticalSpacing={2} data-testid="week-view" miw={900}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80} />
            {days.map((d) => (
              <Table.Th key={d.date}>
                <UnstyledButton onClick={() => onPickDay(d.date)}>
                  <Text size="sm" fw={600}>
                    {d.label}
                  </Text>
                  {d.closed && (
                    <Text size="xs" c="dimmed">
                      {d.reason}
                    </Text>
                  )}
                </UnstyledButton>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {times.map((t) => (
            <Table.Tr key={t}>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {t}
                </Text>
              </Table.Td>
              {days.map((d) => {
                const slot = d.slots.find((s) => s.label === t);
                const here = slot ? inSlot(list, slot.start, slotMinutes) : [];
                return (
                  <Table.Td key={d.date} bg={d.closed || !slot ? 'var(--mantine-color-gray-light)' : undefined}>
                    <Stack gap={2}>
                      {here.map((a) => (
                        <Booking key={a.id} a={a} onOpen={onOpen} compact />
                      ))}
                    </Stack>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
