import { Alert, Anchor, Badge, Button, EmptyState, Group, Paper, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconDiscount, IconTicket } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useApiClient } from '../../api/ApiContext';
import type { Coupon, CouponStatus } from '../../api/contracts';
import { useApi } from '../../api/useApi';
import { DEFAULT_TIME_ZONE, formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorState, LoadingState } from '../../ui/StatusStates';
import { ApprovalsPanel } from './ApprovalsPanel';
import { couponWorth, STATUS_COLOR, STATUS_LABEL } from './offersFormat';
import { useCoupons } from './useOffers';

/** The owner types the shopper's code at the counter: used once, refused after (with the reason). */
function RedeemBox({ onRedeemed }: { onRedeemed: () => void }) {
  const client = useApiClient();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!code.trim()) return setAnswer({ ok: false, text: 'Type the code from the shopper’s phone, e.g. REV-K7QM.' });
    setBusy(true);
    try {
      const c = await client.call('redeemCoupon', { body: { code } });
      setAnswer({ ok: true, text: `${c.code} redeemed: ${couponWorth(c)}${c.sku ? ` on ${c.sku}` : ''} for ${c.contactName ?? c.contactPhone ?? 'the shopper'}.` });
      setCode('');
      onRedeemed();
    } catch (err) {
      setAnswer({ ok: false, text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md" radius="md" maw={720} component="form" onSubmit={(e: FormEvent) => void submit(e)} aria-label="Redeem at the counter">
      <Stack gap="xs">
        <Group align="flex-end" gap="xs">
          <TextInput label="Redeem code" description="At the counter: each code works once" placeholder="REV-K7QM" value={code} onChange={(e) => setCode(e.currentTarget.value)} w={320} />
          <Button type="submit" loading={busy} leftSection={<IconTicket size={16} />}>
            Redeem
          </Button>
        </Group>
        {answer ? (
          <Alert color={answer.ok ? 'teal' : 'red'} variant="light" p="xs" role="status">
            {answer.text}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}

function CouponTable({ coupons, timeZone }: { coupons: Coupon[]; timeZone: string }) {
  return (
    <Table striped highlightOnHover aria-label="Coupons">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Code</Table.Th>
          <Table.Th>Shopper</Table.Th>
          <Table.Th>Product</Table.Th>
          <Table.Th>Discount</Table.Th>
          <Table.Th>By</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Valid till</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {coupons.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td ff="monospace">{c.code}</Table.Td>
            <Table.Td>{c.contactName ?? c.contactPhone ?? '—'}</Table.Td>
            <Table.Td>{c.sku ?? 'Any piece'}</Table.Td>
            <Table.Td>{couponWorth(c)}</Table.Td>
            <Table.Td>{c.source === 'owner' ? 'You' : 'Agent'}</Table.Td>
            <Table.Td>
              <Badge color={STATUS_COLOR[c.status]} variant="light">
                {STATUS_LABEL[c.status]}
              </Badge>
            </Table.Td>
            <Table.Td>{c.status === 'used' && c.usedAt ? `Used ${formatDateTime(c.usedAt, timeZone)}` : formatDateTime(c.expiresAt, timeZone)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const FILTERS = [
  { value: 'all', label: 'All' },
  { value: 'active', label: 'Active' },
  { value: 'used', label: 'Used' },
  { value: 'expired', label: 'Expired' },
  { value: 'replaced', label: 'Replaced' },
];

/** Offers: the codes the agents gave (and the owner approved), their status, and redeeming at the counter. */
export function OffersPage() {
  const [status, setStatus] = useState('all');
  const [q, setQ] = useState('');
  const coupons = useCoupons(status === 'all' ? null : (status as CouponStatus), q);
  const store = useApi('getStore');
  const timeZone = store.data?.timeZone ?? DEFAULT_TIME_ZONE;

  let body;
  if (coupons.error && !coupons.data) body = <ErrorState error={coupons.error} onRetry={coupons.reload} />;
  else if (!coupons.data) body = <LoadingState label="Loading coupons…" />;
  else if (coupons.data.length === 0 && status === 'all' && !q.trim())
    body = (
      <EmptyState py="xl" variant="light" icon={<IconDiscount />} title="No coupon codes yet" description="When an agent with Discount authority offers a shopper a discount, the single-use code appears here with its expiry.">
        <EmptyState.Actions>
          <Text size="sm">
            Switch on <b>Discount authority</b> for an agent in <Anchor component={Link} to="/agents">Agents</Anchor>, set its cap (at most 10%), then ask it for a discount in its simulator.
          </Text>
        </EmptyState.Actions>
      </EmptyState>
    );
  else if (coupons.data.length === 0) body = <Text c="dimmed">No codes match this filter.</Text>;
  else body = <CouponTable coupons={coupons.data} timeZone={timeZone} />;

  return (
    <Stack gap="md">
      <PageHeader title="Offers" description="Discount codes your agents offered within their cap, and the bigger asks waiting for you." />
      <ApprovalsPanel />
      <RedeemBox onRedeemed={coupons.reload} />
      <Group justify="space-between">
        <SegmentedControl data={FILTERS} value={status} onChange={setStatus} aria-label="Coupon status" />
        <TextInput placeholder="Search code, SKU or shopper" value={q} onChange={(e) => setQ(e.currentTarget.value)} w={260} aria-label="Search coupons" />
      </Group>
      {body}
    </Stack>
  );
}
