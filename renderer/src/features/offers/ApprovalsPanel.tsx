import { Alert, Badge, Button, Card, Group, NumberInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDiscount } from '@tabler/icons-react';
import { useState, type JSX } from 'react';
import { useApiClient } from '../../api/ApiContext';
import { OWNER_MAX_PERCENT, type Approval } from '../../api/contracts';
import { percent, rupees, shopper, startPercent } from './offersFormat';
import { usePendingApprovals } from './useOffers';

function ApprovalCard({ approval, onDone }: { approval: Approval; onDone: () => void }) {
  const client = useApiClient();
  const [value, setValue] = useState<number | string>(startPercent(approval));
  const [busy, setBusy] = useState<'approve' | 'decline' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const valid = typeof value === 'number' && value > 0 && value <= OWNER_MAX_PERCENT && Number.isInteger(value * 2);
  const who = shopper(approval);

  const decide = async (what: 'approve' | 'decline') => {
    setBusy(what);
    setProblem(null);
    try {
      if (what === 'approve') {
        const done = await client.call('approveDiscount', { params: { id: String(approval.id) }, body: { percent: Number(value) } });
        notifications.show({ color: 'teal', title: `Approved ${percent(done.decidedPercent ?? 0)} for ${who}`, message: `Code ${done.code ?? ''} is on its way to the shopper on WhatsApp.` });
      } else {
        await client.call('declineDiscount', { params: { id: String(approval.id) }, body: {} });
        notifications.show({ color: 'gray', title: `Declined for ${who}`, message: 'The shopper was told politely, with the agent’s standing offer if there is one.' });
      }
      onDone();
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card withBorder padding="sm" radius="md" aria-label={`Discount request from ${who}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600}>{who}</Text>
          <Badge color="orange" variant="light">
            asks {approval.askedPercent !== null ? percent(approval.askedPercent) : 'more'} · agent cap {percent(approval.capPercent)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {approval.sku ? `${approval.sku}${approval.price !== null ? ` (${rupees(approval.price)})` : ''}` : 'No particular piece'}
          {approval.askedText ? ` · “${approval.askedText}”` : ''}
        </Text>
        {problem ? (
          <Alert color="red" variant="light" p="xs">
            {problem}
          </Alert>
        ) : null}
        <Group gap="xs" align="flex-end">
          <NumberInput
            label="Approve at"
            aria-label={`Percent to approve for ${who}`}
            value={value}
            onChange={setValue}
            min={0.5}
            max={OWNER_MAX_PERCENT}
            step={0.5}
            decimalScale={1}
            suffix="%"
            w={110}
            size="xs"
            error={valid ? undefined : `0.5–${OWNER_MAX_PERCENT}%, whole or half`}
          />
          <Button size="xs" color="teal" disabled={!valid} loading={busy === 'approve'} onClick={() => void decide('approve')}>
            Approve {valid ? percent(Number(value)) : ''}
          </Button>
          <Button size="xs" variant="default" loading={busy === 'decline'} onClick={() => void decide('decline')}>
            Decline
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/**
 * Discount requests above an agent's cap, waiting for the owner: approve at a percent (a coupon goes
 * to the shopper) or decline. Shows nothing when none is waiting; mounted at the top of the Inbox.
 */
export function ApprovalsPanel(): JSX.Element {
  const { data, error, reload } = usePendingApprovals();
  if (error && !data) {
    return (
      <Alert color="red" variant="light" title="Discount requests could not be loaded" mb="md">
        {error instanceof Error ? error.message : String(error)}{' '}
        <Button size="compact-xs" variant="subtle" onClick={reload}>
          Try again
        </Button>
      </Alert>
    );
  }
  if (!data || data.length === 0) return <></>;
  return (
    <Stack gap="xs" mb="md" component="section" aria-label="Discount requests">
      <Group gap={6}>
        <IconDiscount size={18} />
        <Text fw={700} component="h2" m={0} fz="md">
          Discount requests ({data.length})
        </Text>
      </Group>
      {data.map((a) => (
        <ApprovalCard key={a.id} approval={a} onDone={reload} />
      ))}
    </Stack>
  );
}
