import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { CONNECTION_ENV_VARS, type WhatsAppConnectionStatus } from '../../api/contracts';
import { SecretBadge } from './SecretBadge';
import { KEY_FIELDS, useKeysForm } from './useKeysForm';

const COPY = {
  accessToken: {
    label: 'Access token',
    where: 'A permanent token: Meta Business Settings → System users → Generate new token, with the whatsapp_business_messaging and whatsapp_business_management permissions. (The temporary token on API Setup stops working after 24 hours.)',
  },
  appSecret: {
    label: 'App secret',
    where: 'App Dashboard → App settings → Basic → App secret (press Show). Revive uses it to check that each webhook really comes from Meta.',
  },
} as const;

/** Step 2: the access token and app secret, saved as secrets; only their last characters are ever shown. */
export function KeysStep({ status, onSaved, onBack }: { status: WhatsAppConnectionStatus; onSaved: () => Promise<void> | void; onBack: () => void }) {
  const { form, onSubmit } = useKeysForm(status, onSaved);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="WhatsApp keys">
      <Stack gap="md" maw={760}>
        {KEY_FIELDS.map(({ field }) => {
          const secret = status.secrets[field];
          const fromEnv = secret.source === 'env';
          return (
            <Stack key={field} gap={4}>
              <Group gap="xs">
                <Text fw={500} size="sm">
                  {COPY[field].label}
                </Text>
                <SecretBadge secret={secret} variable={CONNECTION_ENV_VARS[field]} />
              </Group>
              <PasswordInput
                aria-label={COPY[field].label}
                autoComplete="off"
                disabled={fromEnv}
                placeholder={fromEnv ? `Set by ${CONNECTION_ENV_VARS[field]} on this computer` : secret.set ? 'Paste a new one to replace it' : 'Paste it here'}
                description={COPY[field].where}
                {...form.getInputProps(field)}
                // PasswordInput marks errors with data-invalid only; screen readers need aria-invalid
                aria-invalid={Boolean(form.errors[field])}
              />
            </Stack>
          );
        })}
        <Group justify="space-between">
          <Button variant="default" onClick={onBack}>
            Back
          </Button>
          <Button type="submit" loading={form.submitting}>
            Save and continue
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
