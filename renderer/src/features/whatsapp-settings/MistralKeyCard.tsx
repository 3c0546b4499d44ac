import { Anchor, Button, Card, Group, List, PasswordInput, Stack, Text, Title } from '@mantine/core';
import type { SecretInfo } from '../../api/contracts';
import { useApi } from '../../api/useApi';
import { SecretBadge } from './SecretBadge';
import { useSecretField } from './useSecretField';

const TRAINING_FAQ = 'https://help.mistral.ai/en/articles/323757-do-you-use-my-user-data-to-train-your-artificial-intelligence-models';
const PRIVACY_POLICY = 'https://legal.mistral.ai/terms/privacy-policy';

/** The Mistral API key (a secret like the others) and what sending data to Mistral means. */
export function MistralKeyCard({ secret, onChanged }: { secret: SecretInfo | undefined; onChanged: (info: SecretInfo) => void }) {
  const field = useSecretField('mistral.apiKey', 'Mistral API key', onChanged);
  const usage = useApi('brainUsage', { query: {} }); // the server's default: the last 30 days
  const used = usage.data?.mistral;
  return (
    <Card withBorder padding="lg" component="section" aria-label="Mistral">
      <Stack gap="sm" maw={760}>
        <Group gap="xs">
          <Title order={2} fz="h4">
            Mistral API key
          </Title>
          <SecretBadge secret={secret} />
        </Group>
        <Text size="sm">
          With a key, Revive uses Mistral's models for the assistant and for searching the catalog by meaning. Without one it works offline on this computer and sends nothing to Mistral.
        </Text>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            field.save();
          }}
        >
          <Group align="flex-start" gap="sm">
            <PasswordInput
              aria-label="Mistral API key"
              autoComplete="off"
              placeholder={secret?.set ? 'Paste a new key to replace it' : 'Paste the key from console.mistral.ai'}
              value={field.value}
              onChange={(e) => field.onChange(e.currentTarget.value)}
              error={field.error}
              aria-invalid={Boolean(field.error)}
              w={360}
            />
            <Button type="submit" loading={field.busy}>
              Save key
            </Button>
            {secret?.set ? (
              <Button variant="default" color="red" onClick={field.remove} disabled={field.busy}>
                Remove key
              </Button>
            ) : null}
          </Group>
        </form>
        {used ? (
          <Text size="sm" c="dimmed" aria-label="Mistral use">
            {used.calls === 0
              ? 'No Mistral calls in the last 30 days.'
              : `Last 30 days: ${used.calls.toLocaleString('en-IN')} Mistral calls · ${used.promptTokens.toLocaleString('en-IN')} tokens in, ${used.completionTokens.toLocaleString('en-IN')} out.`}
          </Text>
        ) : null}
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            What Mistral does with the data
          </Text>
          <List size="sm" spacing={4}>
            <List.Item>
              Product details and customers' messages are sent to Mistral's API while the key is set.
            </List.Item>
            <List.Item>
              Mistral's help centre says API inputs and outputs on the pay-as-you-go <b>Scale</b> plan are not used to train its models; on the free <b>Experiment</b> plan they
              may be, unless you opt out in Mistral's Admin Console (Privacy).{' '}
              <Anchor href={TRAINING_FAQ} target="_blank" rel="noreferrer">
                Read Mistral's answer
              </Anchor>
              .
            </List.Item>
            <List.Item>
              How long Mistral keeps API requests, and whether zero data retention is available to you: check Mistral's current terms at{' '}
              <Anchor href={PRIVACY_POLICY} target="_blank" rel="noreferrer">
                legal.mistral.ai
              </Anchor>
              .
            </List.Item>
          </List>
        </Stack>
      </Stack>
    </Card>
  );
}
