import { Badge } from '@mantine/core';
import { useLive } from '../api/LiveContext';

const labels = { open: 'Live', connecting: 'Connecting…', reconnecting: 'Reconnecting…', stopped: 'Offline' } as const;

/** Green while the live socket is open, grey while it is (re)connecting. */
export function LiveIndicator() {
  const { state } = useLive();
  const open = state === 'open';
  return (
    <Badge
      variant="dot"
      color={open ? 'teal' : 'gray'}
      size="lg"
      aria-live="polite"
      title={open ? 'Updates from Revive arrive as they happen' : 'Waiting for the live connection to Revive'}
    >
      {labels[state]}
    </Badge>
  );
}
