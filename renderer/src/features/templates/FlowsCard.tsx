import { Alert, Button, Card, Code, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import type { FlowsOverview } from '../../api/contracts';
import { useApi } from '../../api/useApi';
import { ErrorState, LoadingState } from '../../ui/StatusStates';
import { CopyValue } from '../whatsapp-settings/CopyValue';
import { errorMessage } from './errors';

function download(name: string, json: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(json, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name}.json`;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * Settings → WhatsApp → Flows: the public key to upload to Meta for the data endpoint, the
 * endpoint's address, the two Flow JSON files to upload, and the Flow ids Meta gives them.
 */
export function FlowsCard() {
  const client = useApiClient();
  const flows = useApi('getFlows');
  // What the owner typed; untouched fields show the saved ids.
  const [edited, setEdited] = useState<Partial<Record<'bookAppointmentFlowId' | 'feedbackFlowId', string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const data: FlowsOverview | undefined = flows.data;
  const ids = { bookAppointmentFlowId: edited.bookAppointmentFlowId ?? data?.settings.bookAppointmentFlowId ?? '', feedbackFlowId: edited.feedbackFlowId ?? data?.settings.feedbackFlowId ?? '' };

  const save = async () => {
    if (!data) return;
    setSaving(true);
    setProblem(null);
    try {
      const settings = await client.call('putFlowsSettings', { body: { ...data.settings, ...ids } });
      setEdited({});
      flows.setData({ ...data, settings, flows: data.flows.map((f) => ({ ...f, flowId: f.name === 'book_appointment' ? settings.bookAppointmentFlowId : settings.feedbackFlowId })) });
      notifications.show({ color: 'teal', title: 'Flow ids saved', message: 'The agent can now send these Flows.' });
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card withBorder padding="lg" component="section" aria-label="WhatsApp Flows">
      <Title order={2} fz="h4" mb={4}>
        Flows
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Forms inside WhatsApp: shoppers book a visit (only free times are offered) and rate the store without leaving the chat.
      </Text>
      {!data ? (
        flows.error ? <ErrorState error={flows.error} onRetry={flows.reload} title="The Flows settings could not be loaded" /> : <LoadingState label="Loading Flows…" />
      ) : (
        <Stack gap="md">
          <div>
            <Text fw={600} size="sm">1. Public key</Text>
            <Text size="sm" c="dimmed" mb={6}>
              In Meta’s dashboard (WhatsApp → Flows → your number → Encryption), paste this key. Meta uses it to encrypt what shoppers type; only this computer can read it.
            </Text>
            <Group align="flex-start" wrap="nowrap" gap="xs">
              <Code block fz="xs" style={{ flex: 1 }} aria-label="Flows public key">
                {data.publicKey.trimEnd()}
              </Code>
              <CopyButton value={data.publicKey} timeout={2000}>
                {({ copied, copy }) => (
                  <Button size="xs" variant={copied ? 'filled' : 'light'} color={copied ? 'teal' : undefined} leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />} onClick={copy} aria-label="Copy the Flows public key">
                    {copied ? 'Copied' : 'Copy'}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </div>
          <div>
            <Text fw={600} size="sm">2. Endpoint</Text>
            <Text size="sm" c="dimmed" mb={6}>The booking Flow asks this address for free times.</Text>
            {data.endpointUrl ? <CopyValue value={data.endpointUrl} label="Copy the Flows endpoint URL" /> : <Text size="sm">Start the public link (tunnel) above to get the address: it ends in {data.endpointPath}.</Text>}
          </div>
          <div>
            <Text fw={600} size="sm">3. Upload the Flows and paste their ids</Text>
            <Text size="sm" c="dimmed" mb={6}>Create each Flow in WhatsApp Manager from its JSON file, publish it, and paste the Flow id Meta shows.</Text>
            <Stack gap="xs">
              {data.flows.map((f) => {
                const key = f.name === 'book_appointment' ? 'bookAppointmentFlowId' : 'feedbackFlowId';
                return (
                  <Group key={f.name} align="flex-end" wrap="nowrap">
                    <TextInput
                      label={`${f.title} Flow id`}
                      placeholder="e.g. 1234567890123456"
                      value={ids[key]}
                      onChange={(e) => {
                        const value = e.currentTarget.value;
                        setEdited((x) => ({ ...x, [key]: value }));
                      }}
                      style={{ flex: 1 }}
                    />
                    <Button variant="default" w={270} leftSection={<IconDownload size={16} />} onClick={() => download(f.name, f.json)}>
                      {f.name}.json
                    </Button>
                  </Group>
                );
              })}
            </Stack>
          </div>
          {problem ? <Alert color="red" variant="light" role="alert">{problem}</Alert> : null}
          <Group justify="flex-end">
            <Button onClick={() => void save()} loading={saving}>Save Flow ids</Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}
