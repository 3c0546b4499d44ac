import { Card, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Contact } from '../../api/contracts';
import { useLiveMessages } from '../../api/LiveContext';
import { useApi } from '../../api/useApi';
import { timeZoneLabel } from '../../ui/format';
import { ErrorState, LoadingState } from '../../ui/StatusStates';
import { formatPhone } from './phone';
import { formatLogTime } from './time';
import { useThrottledReload } from './useThrottledReload';

const SHOWN = 10;

/** The current time, ticking each minute, so a window shows as closed once it has passed. */
function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

function who(c: Contact): string {
  const number = c.phone ? formatPhone(c.phone) : (c.waId ?? c.userId ?? 'Unknown');
  return c.name ? `${c.name} · ${number}` : number;
}

/** Each recent customer's 24-hour window: free replies allowed until then, templates only after. */
export function ServiceWindowsCard({ timeZone }: { timeZone: string }) {
  const contacts = useApi('listContacts');
  const reload = useThrottledReload(contacts.reload);
  useLiveMessages((m) => {
    if (m.type === 'whatsapp.inbound') reload();
  });
  const now = useNow();
  const list = contacts.data?.contacts ?? [];

  let body;
  if (contacts.data && list.length === 0) {
    body = <Text size="sm">No customer has written yet. When someone messages your WhatsApp number, they show here with the time until which the assistant may reply freely.</Text>;
  } else if (contacts.data) {
    body = (
      <Table striped fz="sm" aria-label="Window per customer">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Customer</Table.Th>
            <Table.Th>Last message</Table.Th>
            <Table.Th>Window</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.slice(0, SHOWN).map((c) => {
            const until = c.windowOpenUntil ? new Date(c.windowOpenUntil) : null;
            const open = until !== null && until.getTime() > now;
            return (
              <Table.Tr key={c.id}>
                <Table.Td>{who(c)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.lastInboundAt ? formatLogTime(c.lastInboundAt, timeZone, { seconds: false }) : '—'}</Table.Td>
                <Table.Td>
                  {open && until ? (
                    <Text size="sm" c="teal.8">
                      Open until {formatLogTime(until.toISOString(), timeZone, { seconds: false })} {timeZoneLabel(timeZone, until)}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      Closed: templates only
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    );
  } else if (contacts.error) {
    body = <ErrorState error={contacts.error} onRetry={contacts.reload} title="Customers could not be loaded" />;
  } else {
    body = <LoadingState label="Loading customers…" />;
  }

  return (
    <Card withBorder padding="lg" component="section" aria-label="24-hour windows">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          24-hour windows
        </Title>
        <Text size="xs" c="dimmed">
          WhatsApp lets the assistant reply freely for 24 hours after a customer's last message; after that only approved templates can be sent.
          {contacts.data && contacts.data.total > SHOWN ? ` Showing the ${SHOWN} most recent of ${contacts.data.total.toLocaleString('en-IN')}.` : ''}
        </Text>
        {body}
      </Stack>
    </Card>
  );
}
