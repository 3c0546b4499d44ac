import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import { CONNECTION_ENV_VARS, type ConnectionSecret } from '../../api/contracts';
import { CopyValue } from './CopyValue';
import { showProblem } from './problem';
import { SecretBadge } from './SecretBadge';

/**
 * Meta's verify token: generated here, shown once for copying, and after that only by its last
 * characters. The value lives in this component's state alone, so leaving the step forgets it.
 */
export function VerifyTokenPanel({ secret, onRotated }: { secret: ConnectionSecret; onRotated: () => void }) {
  const client = useApiClient();
  const [value, setValue] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fromEnv = secret.source === 'env';

  async function generate() {
    setBusy(true);
    try {
      const rotated = await client.call('rotateVerifyToken');
      setValue(rotated.value);
      onRotated();
    } catch (err) {
      showProblem('No verify token was made', err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="xs" component="section" aria-label="Verify token">
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={3} fz="h5">
            Verify token
          </Title>
          <SecretBadge secret={secret} variable={CONNECTION_ENV_VARS.verifyToken} />
        </Group>
        {fromEnv ? null : (
          <Button size="xs" variant={secret.set ? 'default' : 'filled'} leftSection={<IconKey size={14} />} loading={busy} onClick={() => void generate()}>
            {secret.set ? 'Generate a new verify token' : 'Generate verify token'}
          </Button>
        )}
      </Group>
      {value ? (
        <Alert color="teal" variant="light" title="Your verify token — shown only this once">
          <Stack gap="xs">
            <CopyValue value={value} label="Copy verify token" />
            <Text size="sm">Paste it into Meta's dashboard now. Revive will not show it again; if it is lost, generate a new one and paste that.</Text>
          </Stack>
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          {fromEnv
            ? `The verify token comes from ${CONNECTION_ENV_VARS.verifyToken} on this computer.`
            : secret.set
              ? 'A verify token is set. Revive never shows it again; generate a new one if you need to paste it into Meta once more.'
              : 'Meta asks for this word when you save the webhook, to check it reached your Revive.'}
        </Text>
      )}
    </Stack>
  );
}
