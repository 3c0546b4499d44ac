import { Button, Divider, Group, Stack } from '@mantine/core';
import type { WhatsAppConnectionStatus } from '../../api/contracts';
import { MetaInstructions } from './MetaInstructions';
import { TunnelPanel } from './TunnelPanel';
import type { TunnelApi } from './useTunnel';
import { VerifyTokenPanel } from './VerifyTokenPanel';

/** Step 3: the public address Meta posts to, the verify token, and where to paste both. */
export function WebhookStep(props: { status: WhatsAppConnectionStatus; tunnel: TunnelApi; timeZone: string; onRotated: () => void; onBack: () => void; onNext: () => void }) {
  return (
    <Stack gap="md" maw={760}>
      <TunnelPanel tunnel={props.tunnel} timeZone={props.timeZone} />
      <Divider />
      <VerifyTokenPanel secret={props.status.secrets.verifyToken} onRotated={props.onRotated} />
      <Divider />
      <MetaInstructions />
      <Group justify="space-between">
        <Button variant="default" onClick={props.onBack}>
          Back
        </Button>
        <Button onClick={props.onNext}>Continue</Button>
      </Group>
    </Stack>
  );
}
