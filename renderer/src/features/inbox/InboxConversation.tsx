import { Alert, Badge, Box, Button, Group, Loader, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconHandStop, IconSend, IconX } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import type { InboxLine, InboxThreadDetail, Template } from '../../api/contracts';
import { useApi } from '../../api/useApi';
import { ErrorState } from '../../ui/StatusStates';
import { formatDateTime } from '../../ui/format';
import { AgentMessage } from '../simulator/AgentMessage';
import { ChatBubble, WA } from '../simulator/ChatBubble';
import { SendTemplateModal } from '../templates/SendTemplateModal';
import { contactName } from './InboxList';

const noop = () => undefined;

function Line({ m, agentName }: { m: InboxLine; agentName: string }) {
  if (m.direction === 'in') {
    return (
      <ChatBubble side="shopper" at={m.at} label="Shopper message">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {m.text}
        </Text>
      </ChatBubble>
    );
  }
  return (
    <Box style={{ alignSelf: 'flex-start', maxWidth: '85%' }} data-by={m.by}>
      <Text fz={10} c={m.by === 'owner' ? 'orange.8' : WA.meta} fw={600} mb={2}>
        {m.by === 'owner' ? 'You (the store)' : agentName}
      </Text>
      <Stack gap={0}>
        <AgentMessage message={m.payload} messageId={m.messageId} at={m.at} onSend={noop} onOpen={noop} />
      </Stack>
    </Box>
  );
}

/** The Inbox's right side: the conversation as WhatsApp draws it, the reply box, take over / hand back / close. */
export function InboxConversation({ thread, error, onChanged, timeZone }: { thread: InboxThreadDetail | null; error: unknown; onChanged: (t: InboxThreadDetail) => void; timeZone: string }) {
  const client = useApiClient();
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [thread?.messages.length]);

  if (error && !thread) return <ErrorState error={error} title="The conversation could not be loaded" />;
  if (!thread) return <Group justify="center" py="xl"><Loader size="sm" /></Group>;
  const agentName = thread.agentName ?? 'the agent';

  const act = async (what: 'takeOverThread' | 'handBackThread' | 'closeThread', label: string) => {
    setBusy(what);
    try {
      onChanged(await client.call(what, { params: { id: String(thread.id) }, body: {} }));
    } catch (err) {
      notifications.show({ color: 'red', title: `Could not ${label}`, message: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(null);
    }
  };
  const send = async () => {
    const text = draft.trim();
    if (!text) return;
    setBusy('reply');
    try {
      onChanged(await client.call('replyInbox', { params: { id: String(thread.id) }, body: { text } }));
      setDraft('');
    } catch (err) {
      // the draft stays, so nothing typed is lost
      notifications.show({ color: 'red', title: 'The reply was not sent', message: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap={0} h="100%" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8, overflow: 'hidden' }} aria-label={`Conversation with ${contactName(thread)}`} role="region">
      <Group bg={WA.teal} px="sm" py={8} justify="space-between" wrap="nowrap">
        <Box style={{ minWidth: 0 }}>
          <Text c="white" fw={600} size="sm" truncate>
            {contactName(thread)} {thread.contactPhone && thread.contactName ? <Text span fz={12} c="rgba(255,255,255,.8)">{thread.contactPhone}</Text> : null}
          </Text>
          <Text c="rgba(255,255,255,.85)" fz={11}>
            {thread.state === 'handoff' ? `You have this chat${thread.handoffAt ? ` since ${formatDateTime(thread.handoffAt, timeZone)}` : ''} · ${agentName} is quiet` : thread.state === 'open' ? `${agentName} is answering` : 'Closed'}
          </Text>
        </Box>
        <Group gap={6} wrap="nowrap">
          {thread.state === 'handoff' ? (
            <Button size="xs" color="white" variant="white" c="teal.8" leftSection={<IconArrowBackUp size={14} />} loading={busy === 'handBackThread'} onClick={() => void act('handBackThread', 'hand the chat back')}>
              Hand back to {agentName}
            </Button>
          ) : (
            <Button size="xs" color="white" variant="white" c="orange.8" leftSection={<IconHandStop size={14} />} loading={busy === 'takeOverThread'} onClick={() => void act('takeOverThread', 'take the chat over')}>
              Take over
            </Button>
          )}
          {thread.state !== 'closed' ? (
            <Button size="xs" variant="subtle" color="white" leftSection={<IconX size={14} />} loading={busy === 'closeThread'} onClick={() => void act('closeThread', 'close the chat')}>
              Close
            </Button>
          ) : null}
        </Group>
      </Group>
      {thread.state === 'handoff' && thread.reason ? (
        <Group px="sm" py={6} bg="var(--mantine-color-orange-0)" gap="xs">
          <Badge color="orange" variant="light" size="sm">Why</Badge>
          <Text fz={13}>{thread.reason}</Text>
        </Group>
      ) : null}
      <Box ref={scroller} style={{ flex: 1, overflowY: 'auto', background: WA.wallpaper, minHeight: 240 }} px={10} py={8} aria-label="Messages">
        <Stack gap={6}>
          {thread.messages.map((m) => (
            <Line key={m.id} m={m} agentName={agentName} />
          ))}
        </Stack>
      </Box>
      <Box bg="#f0f2f5" p={8}>
        {thread.windowOpen ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void send();
            }}
          >
            <Group gap={6} wrap="nowrap" align="flex-end">
              <Textarea
                style={{ flex: 1 }}
                autosize
                minRows={1}
                maxRows={5}
                placeholder={thread.state === 'handoff' ? `Reply as the store` : `Reply as the store (takes the chat over from ${agentName})`}
                aria-label="Reply"
                value={draft}
                maxLength={4096}
                onChange={(e) => setDraft(e.currentTarget.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && !e.shiftKey) {
                    e.preventDefault();
                    void send();
                  }
                }}
              />
              <Button type="submit" color="teal" leftSection={<IconSend size={16} />} loading={busy === 'reply'} disabled={!draft.trim()}>
                Send
              </Button>
            </Group>
          </form>
        ) : (
          <Alert color="yellow" variant="light" title="Only a template can be sent now" p="xs">
            {thread.lastInboundAt
              ? `The shopper last wrote on ${formatDateTime(thread.lastInboundAt, timeZone)}, more than 24 hours ago. WhatsApp allows only an approved template message until they write again.`
              : 'The shopper has not written yet. WhatsApp allows only an approved template message to start a conversation.'}
            {thread.channel === 'whatsapp' ? <TemplateReply contactId={thread.contactId} label={contactName(thread)} /> : null}
          </Alert>
        )}
      </Box>
    </Stack>
  );
}

/** Outside the 24-hour window: an approved template, filled in and sent to this shopper. */
function TemplateReply({ contactId, label }: { contactId: number; label: string }) {
  const templates = useApi('listTemplates');
  const sendable = (templates.data?.templates ?? []).filter((t) => t.sendable);
  const [picked, setPicked] = useState<Template | null>(null);
  const key = (t: Template) => `${t.name}|${t.language}`;
  if (!sendable.length) return <Text size="sm" mt={6}>No approved template is known yet: see Settings › Templates.</Text>;
  return (
    <Group gap="xs" mt={6} align="flex-end">
      <Select
        label="Reply with a template"
        placeholder="Pick an approved template"
        data={sendable.map((t) => ({ value: key(t), label: `${t.name} (${t.language})` }))}
        value={null}
        onChange={(v) => setPicked(sendable.find((t) => key(t) === v) ?? null)}
        maw={320}
      />
      {picked ? (
        <SendTemplateModal
          template={picked}
          to={{ contactId, label }}
          onClose={() => setPicked(null)}
          onSent={(to) => {
            setPicked(null);
            notifications.show({ color: 'teal', title: 'Template sent', message: `${picked.name} is on its way to ${to}` });
          }}
        />
      ) : null}
    </Group>
  );
}
