import { Badge, Box, Drawer, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import type { OpsEvent, ThreadDetail } from '../../api/contracts';
import { ErrorState, LoadingState } from '../../ui/StatusStates';
import { AgentMessage } from '../simulator/AgentMessage';
import { ChatBubble, WA } from '../simulator/ChatBubble';
import { WhatsAppText } from '../simulator/WhatsAppText';

type Load = { state: 'loading' } | { state: 'none' } | { state: 'error'; error: unknown } | { state: 'ready'; thread: ThreadDetail };

const noop = () => {};

/** The event's thread: the one it names (`data.threadId`), else the contact's newest. */
function useEventThread(event: OpsEvent | null): Load {
  const client = useApiClient();
  const [result, setResult] = useState<{ for: OpsEvent; load: Load } | null>(null);
  useEffect(() => {
    if (!event) return;
    const controller = new AbortController();
    const signal = controller.signal;
    const settle = (load: Load) => !signal.aborted && setResult({ for: event, load });
    const named = typeof event.data.threadId === 'number' ? event.data.threadId : null;
    const find = async (): Promise<number | null> => {
      if (named !== null) return named;
      if (event.contactId === null) return null;
      const { threads } = await client.call('listThreads', { query: { contact: event.contactId }, signal });
      return threads[0]?.id ?? null;
    };
    find()
      .then(async (id) => {
        if (id === null) return settle({ state: 'none' });
        settle({ state: 'ready', thread: await client.call('getThread', { params: { id: String(id) }, signal }) });
      })
      .catch((error: unknown) => settle({ state: 'error', error }));
    return () => controller.abort();
  }, [client, event]);
  return result && result.for === event ? result.load : { state: 'loading' };
}

/** The conversation behind a Matrix event, drawn as WhatsApp shows it (read-only). */
export function ConversationDrawer({ event, onClose }: { event: OpsEvent | null; onClose: () => void }) {
  const load = useEventThread(event);
  const title = event ? `Conversation with ${event.contact ?? 'a shopper'}` : '';
  return (
    <Drawer opened={event !== null} onClose={onClose} position="right" size="md" title={title} padding={0} styles={{ header: { paddingInline: 16 } }}>
      {load.state === 'loading' ? (
        <LoadingState label="Loading the conversation…" />
      ) : load.state === 'error' ? (
        <ErrorState error={load.error} title="The conversation could not be loaded" />
      ) : load.state === 'none' ? (
        <Text c="dimmed" p="md">
          No conversation is stored for this event yet. Conversations appear here once the shopper has written to an agent.
        </Text>
      ) : (
        <Box bg={WA.wallpaper} mih="calc(100vh - 60px)" px={10} py={8}>
          <Group gap="xs" mb="xs" justify="center">
            <Badge variant="white" color="gray">
              {load.thread.channel}
            </Badge>
            <Badge variant="white" color={load.thread.state === 'handoff' ? 'orange' : load.thread.state === 'closed' ? 'gray' : 'teal'}>
              {load.thread.state === 'handoff' ? 'With a person' : load.thread.state}
            </Badge>
          </Group>
          <Stack gap={6} aria-label="Conversation">
            {load.thread.messages.length === 0 ? (
              <Text c="dimmed" ta="center" size="sm">
                No messages in this thread.
              </Text>
            ) : null}
            {load.thread.messages.map((m) =>
              m.direction === 'in' ? (
                <ChatBubble key={m.id} side="shopper" at={m.at} label="Shopper message">
                  <WhatsAppText text={m.text} size="sm" />
                </ChatBubble>
              ) : (
                <AgentMessage key={m.id} message={m.payload} messageId={m.messageId} at={m.at} onSend={noop} onOpen={noop} />
              ),
            )}
          </Stack>
        </Box>
      )}
    </Drawer>
  );
}
