import { Badge, Button, Group, Stack, Switch, Text, Title } from '@mantine/core';
import type { TunnelState, TunnelStatus } from '../../api/contracts';
import { formatDateTime } from '../../ui/format';
import { CopyValue } from './CopyValue';
import type { TunnelApi } from './useTunnel';

const STATE: Record<TunnelState, { label: string; color: string }> = {
  off: { label: 'Off', color: 'gray' },
  starting: { label: 'Starting…', color: 'yellow' },
  up: { label: 'On', color: 'teal' },
  reconnecting: { label: 'Reconnecting…', color: 'orange' },
  error: { label: 'Cannot connect', color: 'red' },
};

function explain(s: TunnelStatus, timeZone: string): string {
  switch (s.state) {
    case 'off':
      return 'WhatsApp cannot reach Revive while the tunnel is off.';
    case 'starting':
      return `Connecting to ${s.host}…`;
    case 'up':
      return s.since ? `On since ${formatDateTime(s.since, timeZone)}.` : 'On.';
    case 'reconnecting':
      return `The connection dropped${s.lastError ? ` (${s.lastError})` : ''}; Revive is reconnecting.`;
    case 'error':
      return `Could not connect${s.lastError ? `: ${s.lastError}` : ''}.${s.nextRetryAt ? ` Next try at ${formatDateTime(s.nextRetryAt, timeZone)}.` : ''}`;
  }
}

/** The tunnel that gives Revive a public address for Meta's webhooks: state, on/off, and the URL to paste. */
export function TunnelPanel({ tunnel, timeZone }: { tunnel: TunnelApi; timeZone: string }) {
  const s = tunnel.data;
  if (!s) return <Text c="dimmed">{tunnel.error instanceof Error ? tunnel.error.message : 'Loading the tunnel…'}</Text>;
  const running = s.state !== 'off';
  const { label, color } = STATE[s.state];
  return (
    <Stack gap="xs" component="section" aria-label="Tunnel">
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={3} fz="h5">
            Tunnel
          </Title>
          <Badge color={color} variant="light" aria-label={`Tunnel state: ${label}`}>
            {label}
          </Badge>
        </Group>
        <Button size="xs" variant={running ? 'default' : 'filled'} loading={tunnel.busy} onClick={() => void (running ? tunnel.stop() : tunnel.start())}>
          {running ? 'Stop the tunnel' : 'Start the tunnel'}
        </Button>
      </Group>
      <Text size="sm" c={s.state === 'error' ? 'red.8' : 'dimmed'}>
        {explain(s, timeZone)}
      </Text>
      {s.webhookUrl ? (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Webhook URL — paste it as the Callback URL
          </Text>
          <CopyValue value={s.webhookUrl} label="Copy webhook URL" />
        </Stack>
      ) : (
        <Text size="sm">The webhook URL appears here once the tunnel is on.</Text>
      )}
      <Switch
        size="sm"
        checked={s.enabled}
        disabled={tunnel.busy}
        onChange={(e) => void tunnel.setEnabled(e.currentTarget.checked)}
        label="Turn the tunnel on whenever Revive starts"
      />
    </Stack>
  );
}
