import { Accordion, Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { Overridable, WhatsAppConnectionStatus } from '../../api/contracts';
import { useNumberForm } from './useNumberForm';

function envNote(status: WhatsAppConnectionStatus, field: Overridable): string | null {
  const o = status.overrides.find((x) => x.field === field);
  return o ? `Set by ${o.variable} on this computer; change it there.` : null;
}

/** Step 1: which WhatsApp number — the ids from Meta's dashboard (overridden ones read-only). */
export function NumberStep({ status, onSaved }: { status: WhatsAppConnectionStatus; onSaved: (status: WhatsAppConnectionStatus) => void }) {
  const { form, phoneFromEnv, onSubmit } = useNumberForm(status, onSaved);
  const graphFromEnv = envNote(status, 'graphUrl');

  return (
    <form onSubmit={onSubmit} noValidate aria-label="WhatsApp number">
      <Stack gap="md" maw={760}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {phoneFromEnv ? (
            <TextInput label="Phone number ID" value={status.effective.phoneNumberId} readOnly description={envNote(status, 'phoneNumberId')} />
          ) : (
            <TextInput
              label="Phone number ID"
              withAsterisk
              inputMode="numeric"
              placeholder="106540352242922"
              description="Meta's App Dashboard → WhatsApp → API Setup"
              {...form.getInputProps('phoneNumberId')}
            />
          )}
          <TextInput
            label="WhatsApp Business Account ID"
            inputMode="numeric"
            placeholder="102290129340398"
            description="Shown on the same API Setup page"
            {...form.getInputProps('wabaId')}
          />
          <TextInput
            label="Catalog ID"
            inputMode="numeric"
            description="Optional. Commerce Manager → your catalog; lets the assistant send products as WhatsApp product messages"
            {...form.getInputProps('catalogId')}
          />
        </SimpleGrid>
        <Accordion variant="contained" chevronPosition="left">
          <Accordion.Item value="advanced">
            <Accordion.Control>Advanced: Graph API address and version</Accordion.Control>
            <Accordion.Panel>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {graphFromEnv ? (
                  <TextInput label="Graph API address" value={status.effective.graphUrl} readOnly description={graphFromEnv} />
                ) : (
                  <TextInput label="Graph API address" description="Leave as it is unless told otherwise" {...form.getInputProps('graphUrl')} />
                )}
                <TextInput label="API version" description="Like v23.0" {...form.getInputProps('apiVersion')} />
              </SimpleGrid>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            Save and continue
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
