import { Alert, Box, Loader, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Persona } from '../../api/contracts';
import { AgentMessage } from '../simulator/AgentMessage';
import { WhatsAppText } from '../simulator/WhatsAppText';
import { usePersonaPreview } from './usePersonaPreview';

const SAMPLE = 'Hi, do you have gold bangles under 50k?';

/** How the agent would answer a sample message with the sliders as they are now, saved or not. */
export function PersonaPreviewPanel({ persona, name }: { persona: Persona; name: string }) {
  const [message, setMessage] = useState(SAMPLE);
  const { preview, error, loading } = usePersonaPreview(persona, name, message);
  const at = new Date().toISOString();
  return (
    <Paper withBorder p="sm" radius="md" bg="gray.0">
      <Stack gap="xs">
        <TextInput label="Live preview: a shopper writes" size="xs" value={message} onChange={(e) => setMessage(e.currentTarget.value)} />
        <Box aria-live="polite" aria-busy={loading} aria-label="Preview reply" role="region">
          {error ? (
            <Alert color="red" variant="light" p="xs">
              {error instanceof Error ? error.message : 'The preview could not be made.'}
            </Alert>
          ) : (
            <Stack gap={6}>
              {preview?.messages.length
                ? // drawn as WhatsApp shows them; the preview is for reading, so taps do nothing
                  preview.messages.map((m, i) => (
                    <Box key={i} data-testid="preview-bubble">
                      <AgentMessage message={m} messageId={undefined} at={at} onSend={() => {}} onOpen={() => {}} />
                    </Box>
                  ))
                : (preview?.replies ?? []).map((reply, i) => (
                    <Paper key={i} data-testid="preview-bubble" shadow="xs" radius="md" px="sm" py={6} maw="92%" bg="white">
                      <WhatsAppText text={reply} size="sm" />
                    </Paper>
                  ))}
            </Stack>
          )}
          {loading ? (
            <Text size="xs" c="dimmed" mt={4} component="div">
              <Loader size={10} mr={6} display="inline-block" />
              Updating the preview…
            </Text>
          ) : null}
        </Box>
      </Stack>
    </Paper>
  );
}
