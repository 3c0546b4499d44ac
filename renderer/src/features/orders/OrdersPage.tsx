import { Anchor, Badge, Button, EmptyState, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCreditCard, IconShoppingBag } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApiClient } from '../../api/ApiContext';
import { ORDER_STATUSES, type Order, type OrderDetail, type OrderStatus } from '../../api/contracts';
import { useApi } from '../../api/useApi';
import { DEFAULT_TIME_ZONE, formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorState, LoadingState } from '../../ui/StatusStates';
import { itemsText, NOTICE_TEXT, paymentText, rupees, STATUS_COLOR, statusLabel } from './orderFormat';
import { OrderDrawer } from './OrderDrawer';
import { PaymentLinkModal } from './PaymentLinkModal';
import { useOrders } from './useOrders';

function Empty({ filtered }: { filtered: boolean }) {
  return (
    <EmptyState
      py="xl"
      variant="light"
      icon={<IconShoppingBag />}
      title={filtered ? 'No orders with this status' : 'No orders yet'}
      description={
        filtered
          ? 'Choose “All” to see every order.'
          : 'When a shopper sends their WhatsApp cart, the order lands here with its lines checked against your catalog and its pieces held, and the deal moves to Sold on the Pipeline.'
      }
    >
      {filtered ? null : (
        <EmptyState.Actions>
          <Text size="sm">
            To try it, open an agent in <Anchor component={Link} to="/agents">Agents</Anchor>, ask for “gold bangles” in its simulator and add them to the cart.
          </Text>
        </EmptyState.Actions>
      )}
    </EmptyState>
  );
}

function OrdersTable({ orders, timeZone, onOpen }: { orders: Order[]; timeZone: string; onOpen: (o: Order) => void }) {
  return (
    <Table highlightOnHover withTableBorder verticalSpacing="sm" aria-label="Orders">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Order</Table.Th>
          <Table.Th>Shopper</Table.Th>
          <Table.Th>Items</Table.Th>
          <Table.Th ta="right">Total</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Received</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {orders.map((o) => {
          const flagged = o.lines.filter((l) => l.state !== 'ok').length;
          return (
            <Table.Tr key={o.id} onClick={() => onOpen(o)} style={{ cursor: 'pointer' }} data-testid={`order-row-${o.id}`}>
              <Table.Td>
                <Anchor component="button" type="button" onClick={() => onOpen(o)} fw={600}>#{o.id}</Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{o.contactName ?? o.contactPhone ?? 'Unknown shopper'}</Text>
                {o.contactName && o.contactPhone ? <Text size="xs" c="dimmed">{o.contactPhone}</Text> : null}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{itemsText(o)}</Text>
                {flagged ? <Text size="xs" c="orange.8">{flagged} {flagged === 1 ? 'line needs' : 'lines need'} a look</Text> : null}
              </Table.Td>
              <Table.Td ta="right" fw={600}>{rupees(o.total)}</Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[o.status]} variant="light">{statusLabel(o.status)}</Badge>
                {paymentText(o) ? <Text size="xs" c="dimmed" mt={4}>{paymentText(o)}</Text> : null}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTime(o.createdAt, timeZone)}</Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** The Orders screen: WhatsApp carts turned into orders, newest first; open one to move it along. */
export function OrdersPage() {
  const client = useApiClient();
  const [status, setStatus] = useState<OrderStatus | null>(null);
  const { orders, error, reload } = useOrders(status);
  const store = useApi('getStore');
  const timeZone = store.data?.timeZone ?? DEFAULT_TIME_ZONE;
  const settings = useApi('getOrderSettings');
  const [paying, setPaying] = useState(false);
  const [opened, setOpened] = useState<OrderDetail | null>(null);

  const open = (o: Order) => {
    client
      .call('getOrder', { params: { id: String(o.id) } })
      .then(setOpened)
      .catch((err: unknown) => notifications.show({ color: 'red', title: 'The order could not be opened', message: err instanceof Error ? err.message : String(err) }));
  };
  const move = async (to: OrderStatus, note: string, notify: boolean) => {
    if (!opened) return;
    const r = await client.call('setOrderStatus', { params: { id: String(opened.id) }, body: { status: to, note, notify } });
    setOpened(r);
    reload();
    notifications.show({ color: 'teal', title: `Order #${r.id}: ${statusLabel(r.status)}`, message: NOTICE_TEXT[r.notice] });
  };

  let body;
  if (error && !orders) body = <ErrorState error={error} onRetry={reload} />;
  else if (!orders) body = <LoadingState label="Loading orders…" />;
  else if (orders.length === 0) body = <Empty filtered={status !== null} />;
  else body = <OrdersTable orders={orders} timeZone={timeZone} onOpen={open} />;

  const total = (orders ?? []).filter((o) => o.status !== 'cancelled').reduce((n, o) => n + o.total, 0);
  return (
    <>
      <PageHeader
        title="Orders"
        description={orders?.length ? <span>{orders.length} {orders.length === 1 ? 'order' : 'orders'} · {rupees(total)} not cancelled</span> : 'Carts shoppers sent on WhatsApp'}
        extra={
          <Group gap="xs">
            <SegmentedControl
              aria-label="Filter by status"
              value={status ?? 'all'}
              onChange={(v) => setStatus(v === 'all' ? null : (v as OrderStatus))}
              data={[{ value: 'all', label: 'All' }, ...ORDER_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))]}
            />
            <Button variant="default" leftSection={<IconCreditCard size={16} />} onClick={() => setPaying(true)}>
              {settings.data?.paymentUrl ? 'Payment link set' : 'Payment link'}
            </Button>
          </Group>
        }
      />
      {body}
      <OrderDrawer order={opened} timeZone={timeZone} onClose={() => setOpened(null)} onStatus={move} />
      <PaymentLinkModal settings={settings.data} opened={paying} onClose={() => setPaying(false)} onSaved={(s) => { settings.setData(s); notifications.show({ color: 'teal', title: 'Saved', message: s.paymentUrl ? 'Confirmations now offer the payment link.' : 'Confirmations offer a visit or paying at the store.' }); }} />
    </>
  );
}
