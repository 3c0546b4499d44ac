import { Anchor, Badge, Button, Checkbox, Divider, Drawer, Group, Stack, Table, Text, TextInput, Timeline } from '@mantine/core';
import { IconMessageCircle, IconShoppingBag, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { OrderDetail, OrderStatus } from '../../api/contracts';
import { formatDateTime } from '../../ui/format';
import { ACTION, lineNote, NOTICE_TEXT, paymentText, rupees, STATUS_COLOR, statusLabel } from './orderFormat';

interface Props {
  order: OrderDetail | null;
  timeZone: string;
  onClose: () => void;
  onStatus: (status: OrderStatus, note: string, notify: boolean) => Promise<void>;
}

/** One order: its lines as checked against the catalog, the pieces held, its history, and the status buttons. */
export function OrderDrawer({ order, timeZone, onClose, onStatus }: Props) {
  return (
    <Drawer opened={order !== null} onClose={onClose} position="right" size="lg" title={<Text fw={600}>{order ? `Order #${order.id}` : ''}</Text>}>
      {order ? <OrderBody key={`${order.id}:${order.updatedAt}`} order={order} timeZone={timeZone} onStatus={onStatus} /> : null}
    </Drawer>
  );
}

function OrderBody({ order, timeZone, onStatus }: { order: OrderDetail; timeZone: string; onStatus: Props['onStatus'] }) {
  const [note, setNote] = useState('');
  const [notify, setNotify] = useState(true);
  const [busy, setBusy] = useState<OrderStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const held = order.lines.reduce((n, l) => n + l.reserved, 0);
  const change = async (s: OrderStatus) => {
    setBusy(s);
    setError(null);
    try {
      await onStatus(s, note.trim(), notify);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(null);
    }
  };

  return (
    <Stack gap="md">
      <Group gap="xs">
        <Badge color={STATUS_COLOR[order.status]} variant="light">{statusLabel(order.status)}</Badge>
        <Text size="sm">{order.contactName ?? 'Unknown shopper'}</Text>
        {order.contactPhone ? <Text size="sm" c="dimmed">{order.contactPhone}</Text> : null}
      </Group>
      <Text size="sm" c="dimmed">Received {formatDateTime(order.createdAt, timeZone)}{order.note ? ` · “${order.note}”` : ''}</Text>
      {order.paymentChoice ? (
        <Text size="sm" data-testid="order-payment">
          Payment: {paymentText(order)}{order.paymentChoiceAt ? ` (${formatDateTime(order.paymentChoiceAt, timeZone)})` : ''}
        </Text>
      ) : null}
      <Table withTableBorder verticalSpacing={6} aria-label="Order lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th ta="right">Qty</Table.Th>
            <Table.Th ta="right">Price</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {order.lines.map((l, i) => {
            const why = lineNote(l);
            return (
              <Table.Tr key={i}>
                <Table.Td>
                  <Text size="sm">{l.name ?? l.sku}</Text>
                  <Text size="xs" c="dimmed">{l.sku}{l.reserved ? ` · ${l.reserved} held` : ''}</Text>
                  {why ? <Text size="xs" c={l.state === 'price_changed' ? 'orange.8' : 'red.7'}>{why}</Text> : null}
                </Table.Td>
                <Table.Td ta="right">{l.quantity}</Table.Td>
                <Table.Td ta="right">{l.price !== null ? rupees(l.price) : '—'}</Table.Td>
                <Table.Td ta="right">{l.lineTotal ? rupees(l.lineTotal) : '—'}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th colSpan={3}>Total ({order.pieces} {order.pieces === 1 ? 'piece' : 'pieces'})</Table.Th>
            <Table.Th ta="right" data-testid="order-total">{rupees(order.total)}</Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      <Text size="sm">
        Stock: {held ? `${held} ${held === 1 ? 'piece is' : 'pieces are'} held for this order (not offered to others).` : order.status === 'completed' ? 'sold: the pieces left the stock.' : 'nothing held.'}
      </Text>
      {order.threadId !== null ? (
        <Anchor component={Link} to={`/inbox?thread=${order.threadId}`} size="sm">
          <Group gap={4}><IconMessageCircle size={16} />Open the conversation</Group>
        </Anchor>
      ) : null}
      {order.next.length ? (
        <>
          <Divider label="Move the order" labelPosition="left" />
          <TextInput label="Note (optional)" placeholder="e.g. Counter 2, ask for Ramesh" value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={300} />
          <Checkbox label="Tell the shopper on WhatsApp" checked={notify} onChange={(e) => setNotify(e.currentTarget.checked)} />
          <Group gap="xs">
            {order.next.map((s) => (
              <Button key={s} variant={s === 'cancelled' ? 'light' : 'filled'} color={s === 'cancelled' ? 'red' : STATUS_COLOR[s]} loading={busy === s} disabled={busy !== null && busy !== s} onClick={() => void change(s)}>
                {ACTION[s]}
              </Button>
            ))}
          </Group>
          {error ? <Text c="red" size="sm" role="alert">{error}</Text> : null}
        </>
      ) : null}
      <Divider label="History" labelPosition="left" />
      <Timeline bulletSize={22} lineWidth={2} active={order.history.length - 1} aria-label="Order history">
        {order.history.map((h, i) => (
          <Timeline.Item key={i} bullet={h.by === 'shopper' ? <IconShoppingBag size={12} /> : <IconUser size={12} />} title={h.from ? `${statusLabel(h.from)} → ${statusLabel(h.to)}` : 'Order received on WhatsApp'}>
            {h.note ? <Text size="xs">{h.note}</Text> : null}
            {h.notice ? <Text size="xs" c="dimmed">{NOTICE_TEXT[h.notice]}</Text> : null}
            <Text size="xs" c="dimmed">{formatDateTime(h.at, timeZone)}</Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}
