import { Box, Button, Stack, Text } from '@mantine/core';
import { IconMessages } from '@tabler/icons-react';
import { useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import { ApiClientError } from '../../api/client';
import type { ThreadDetail } from '../../api/contracts';
import { AgentMessage } from '../simulator/AgentMessage';
import { ChatBubble, WA } from '../simulator/ChatBubble';
import { WhatsAppText } from '../simulator/WhatsAppText';

const nothing = () => {};

/** The contact's latest conversation, read-only, drawn as WhatsApp shows it (the simulator's bubbles). */
export function ContactThread({ contactId }: { contactId: number }) {
  const client = useApiClient();
  const [thread, setThread] = useState<ThreadDetail | null>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const open = async () => {
    setBusy(true);
    setError(null);
    try {
      const { threads } = await client.call('listThreads', { query: { contact: contactId } });
      const latest = threads[0];
      setThread(latest ? await client.call('getThread', { params: { id: String(latest.id) } }) : null);
    } catch (err) {
      setError(err instanceof ApiClientError && err.status === 404 ? 'This version of Revive cannot show conversations here yet.' : err instanceof Error ? err.message : 'Something went wrong.');
    } finally {
      setBusy(false);
    }
  };

  if (thread === undefined) {
    return (
      <Stack gap={4}>
        <Button variant="light" leftSection={<IconMessages size={16} />} loading={busy} onClick={() => void open()} w="fit-content">
          Open conversation
        </Button>
        {error ? <Text size="sm" c="red">{error}</Text> : null}
      </Stack>
    );
  }
  if (thread === null) return <Text size="sm" c="dimmed">No conversation yet: this contact has not written to the store on WhatsApp.</Text>;
  return (
    <Box bg={WA.wallpaper} p="sm" style={{ borderRadius: 8 }} aria-label="Conversation">
      <Stack gap={6}>
        {thread.messages.length === 0 ? <Text size="sm" c="dimmed">The conversation is empty.</Text> : null}
        {thread.messages.map((m) =>
          m.direction === 'out' ? (
            <AgentMessage key={m.id} message={m.payload} messageId={m.messageId} at={m.at} onSend={nothing} onOpen={nothing} />
          ) : (
            <ChatBubble key={m.id} side="shopper" at={m.at} label="Shopper message">
              <WhatsAppText text={m.text} size="sm" />
            </ChatBubble>
          ),
        )}
      </Stack>
    </Box>
  );
}
