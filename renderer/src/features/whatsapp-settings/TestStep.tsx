import { Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import type { WhatsAppMode } from '../../api/contracts';
import { describeOutbox } from './outboxLabels';
import { formatPhone } from './phone';
import { useTestMessage } from './useTestMessage';

/** Step 4: send a test message to a phone and watch it go queued → sent → delivered → read. */
export function TestStep({ mode, onBack }: { mode: WhatsAppMode; onBack: () => void }) {
  const [to, setTo] = useState('');
  const test = useTestMessage();
  const view = test.item ? describeOutbox(test.item) : null;

  return (
    <Stack gap="md" maw={760}>
      <Text size="sm">
        {mode === 'demo-emulator'
          ? 'In demo mode the message goes to Revive’s built-in WhatsApp emulator; no real phone receives it.'
          : 'Sends a short text from your business number. WhatsApp delivers it only to a number that wrote to your business in the last 24 hours, so first send “hi” from your phone to the business number.'}
      </Text>
      <form
        noValidate
        aria-label="Test message"
        onSubmit={(e) => {
          e.preventDefault();
          void test.send(to);
        }}
      >
        <Group align="flex-start" gap="sm">
          <TextInput
            label="Send to"
            type="tel"
            placeholder="+91 98765 43210"
            description="+91 is assumed without a country code"
            value={to}
            onChange={(e) => {
              setTo(e.currentTarget.value);
              test.clearFieldError();
            }}
            error={test.fieldError}
            w={320}
          />
          <Button type="submit" mt={44} leftSection={<IconSend size={16} />} loading={test.sending}>
            Send test message
          </Button>
        </Group>
      </form>
      <div aria-live="polite">
        {test.item && view ? (
          <Paper withBorder p="sm" aria-label="Test message status">
            <Group gap="xs">
              <Text size="sm">Test message to {formatPhone(`+${test.item.to}`)}:</Text>
              <Badge color={view.color} variant="light">
                {view.label}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed" mt={4}>
              {view.detail}
            </Text>
            {test.item.error ? (
              <Text size="sm" c="red.8" mt={4}>
                {test.item.errorCode ? `Error ${test.item.errorCode}: ` : ''}
                {test.item.error}
              </Text>
            ) : null}
          </Paper>
        ) : null}
      </div>
      <Group>
        <Button variant="default" onClick={onBack}>
          Back
        </Button>
      </Group>
    </Stack>
  );
}
