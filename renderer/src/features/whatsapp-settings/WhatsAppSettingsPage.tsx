import { Alert, Badge, Card, SimpleGrid, Stack, Title } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle, IconRefreshAlert } from '@tabler/icons-react';
import { useApiClient } from '../../api/ApiContext';
import type { WhatsAppMode } from '../../api/contracts';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorState, LoadingState } from '../../ui/StatusStates';
import { SettingsTabs } from '../settings/SettingsTabs';
import { ConnectWizard } from './ConnectWizard';
import { CopyValue } from './CopyValue';
import { MistralKeyCard } from './MistralKeyCard';
import { ServiceWindowsCard } from './ServiceWindowsCard';
import { useTunnel } from './useTunnel';
import { useWhatsAppSettings } from './useWhatsAppSettings';
import { WebhookHealthCard } from './WebhookHealthCard';
import { FlowsCard } from '../templates/FlowsCard';

const MODE: Record<WhatsAppMode, { label: string; color: string }> = {
  'demo-emulator': { label: 'Demo: built-in emulator', color: 'grape' },
  'cloud-api': { label: 'WhatsApp Cloud API', color: 'teal' },
  'not-configured': { label: 'Not connected', color: 'orange' },
};

export function WhatsAppSettingsPage() {
  const client = useApiClient();
  const { connection, secrets, timeZone } = useWhatsAppSettings();
  const tunnel = useTunnel();
  const status = connection.data;
  const mistral = secrets.data?.secrets.find((s) => s.name === 'mistral.apiKey');
  const reloadConnection = async () => connection.setData(await client.call('getWhatsAppConnection'));

  return (
    <>
      <SettingsTabs />
      <PageHeader
        title="WhatsApp"
        description="Settings · Connect your WhatsApp Business number, give Meta the address to send messages to, and add the AI key."
        extra={status ? <Badge size="lg" variant="light" color={MODE[status.mode].color}>{MODE[status.mode].label}</Badge> : null}
      />
      <Stack gap="lg">
        {secrets.data?.storage === 'memory' ? (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} role="alert">
            Secrets are kept in memory only on this computer — you will need to enter them again after a restart
          </Alert>
        ) : null}
        {tunnel.urlChange ? (
          <Alert color="orange" variant="light" icon={<IconRefreshAlert />} role="alert" title="Your webhook URL changed — paste the new one in Meta's dashboard" withCloseButton onClose={tunnel.dismissUrlChange} closeButtonLabel="Dismiss">
            <Stack gap={6}>
              <CopyValue value={tunnel.urlChange.webhookUrl} label="Copy the new webhook URL" />
              WhatsApp → Configuration → Webhook → Edit: replace the Callback URL with this one. Until then Meta keeps posting to the old address and messages do not arrive.
            </Stack>
          </Alert>
        ) : null}
        {status?.mode === 'demo-emulator' && !status.restartNeeded ? (
          <Alert color="grape" variant="light" icon={<IconInfoCircle />} title="Demo mode">
            WhatsApp runs against Revive's built-in emulator, so everything can be tried without a Meta account: test messages go to pretend shoppers on this computer. Connect your real number below and restart Revive to use it.
          </Alert>
        ) : null}
        {status?.restartNeeded ? (
          <Alert color="blue" variant="light" icon={<IconInfoCircle />} title="Restart Revive to switch">
            {status.mode === 'demo-emulator'
              ? 'A real WhatsApp connection is saved, but the demo emulator keeps running until Revive restarts.'
              : 'The real connection is no longer complete; after a restart the demo store uses its emulator again.'}
          </Alert>
        ) : null}
        <Card withBorder padding="lg" component="section" aria-label="Connect WhatsApp">
          <Title order={2} fz="h4" mb="md">
            Connect WhatsApp
          </Title>
          {status ? (
            <ConnectWizard status={status} tunnel={tunnel} timeZone={timeZone} onStatus={connection.setData} reload={reloadConnection} />
          ) : connection.error ? (
            <ErrorState error={connection.error} onRetry={connection.reload} title="The WhatsApp connection could not be loaded" />
          ) : (
            <LoadingState label="Loading the WhatsApp connection…" />
          )}
        </Card>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <WebhookHealthCard timeZone={timeZone} />
          <ServiceWindowsCard timeZone={timeZone} />
        </SimpleGrid>
        <FlowsCard />
        <MistralKeyCard
          secret={mistral}
          onChanged={(info) => secrets.data && secrets.setData({ ...secrets.data, secrets: secrets.data.secrets.map((s) => (s.name === info.name ? info : s)) })}
        />
      </Stack>
    </>
  );
}
