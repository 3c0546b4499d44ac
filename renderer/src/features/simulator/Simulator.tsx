import { ActionIcon, Box, Button, Group, Loader, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconAlertCircle, IconCamera, IconChecks, IconClock, IconRefresh, IconSend } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import type { Agent } from '../../api/contracts';
import { ErrorState } from '../../ui/StatusStates';
import { AgentAvatar } from '../agents/AgentAvatar';
import { AgentMessage } from './AgentMessage';
import { ChatBubble, WA } from './ChatBubble';
import { SheetContent } from './SheetContent';
import type { Sheet } from './sheets';
import { photoMessage } from './shopperMessages';
import { textMessage } from './shopperMessages';
import { useSimulator, type ChatItem } from './useSimulator';

function ShopperBubble({ item, onRetry }: { item: ChatItem; onRetry: () => void }) {
  const status =
    item.state === 'sending' ? <IconClock size={12} color={WA.meta} aria-label="Sending" /> : item.state === 'sent' ? <IconChecks size={14} color="#53bdeb" aria-label="Read" /> : null;
  return (
    <>
      <ChatBubble side="shopper" at={item.at} status={status} label="Your message">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {item.text}
        </Text>
      </ChatBubble>
      {item.state === 'failed' ? (
        <Group gap={6} justify="flex-end" role="alert" wrap="nowrap">
          <IconAlertCircle size={14} color="var(--mantine-color-red-7)" />
          <Text fz={12} c="red.8" style={{ overflowWrap: 'anywhere' }}>
            Not answered: {item.error}
          </Text>
          <Button size="compact-xs" variant="light" color="red" onClick={onRetry}>
            Retry
          </Button>
        </Group>
      ) : null}
    </>
  );
}

/** A phone-shaped WhatsApp chat with the agent being edited, talking to the real conversation engine. */
export function Simulator({ agent }: { agent: Agent }) {
  const chat = useSimulator(agent.id);
  const client = useApiClient();
  const [draft, setDraft] = useState('');
  const photoInput = useRef<HTMLInputElement>(null);
  const [photoProblem, setPhotoProblem] = useState<string | null>(null);
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [chat.items, chat.waiting]);

  const submit = () => {
    const body = draft.trim();
    if (!body || chat.waiting) return;
    chat.send(textMessage(body), body);
    setDraft('');
  };

  // A shopper's photo (a selfie for try-on): stored like one from WhatsApp, then sent as an image message naming it.
  const sendPhoto = async (file: File) => {
    setPhotoProblem(null);
    try {
      const photo = await client.upload('uploadTryOnPhoto', { body: file });
      if (photo.mediaId) chat.send(photoMessage(photo.mediaId, file.type || 'image/jpeg'), '📷 Photo');
    } catch (err) {
      setPhotoProblem(err instanceof Error ? err.message : 'The photo could not be sent.');
    }
  };

  return (
    <Box
      role="region"
      aria-label="Simulator"
      pos="relative"
      style={{ border: '8px solid #1f2c34', borderRadius: 28, overflow: 'hidden', height: 'clamp(480px, calc(100vh - 150px), 720px)', display: 'flex', flexDirection: 'column', background: WA.wallpaper }}
    >
      <Group bg={WA.teal} px="sm" py={8} gap="xs" wrap="nowrap">
        <AgentAvatar agent={agent} size={34} />
        <Box style={{ flex: 1, minWidth: 0 }}>
          <Text c="white" fw={600} size="sm" truncate>
            {agent.name}
          </Text>
          <Text c="rgba(255,255,255,.8)" fz={11}>
            {chat.waiting ? 'typing…' : agent.status === 'paused' ? 'paused' : 'online'}
          </Text>
        </Box>
        <Tooltip label="Reset chat: start the conversation afresh">
          <ActionIcon variant="subtle" color="white" aria-label="Reset chat" onClick={() => void chat.reset()} disabled={chat.waiting}>
            <IconRefresh size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <Box ref={scroller} style={{ flex: 1, overflowY: 'auto' }} px={10} py={8} aria-label="Chat" aria-live="polite">
        {chat.loadError ? (
          <ErrorState error={chat.loadError} onRetry={chat.reload} title="The chat could not be loaded" />
        ) : chat.loading ? (
          <Group justify="center" py="lg">
            <Loader size="sm" color="gray" />
          </Group>
        ) : (
          <Stack gap={6}>
            <Text fz={11} ta="center" bg="#ffeecd" c="#54656f" px="xs" py={4} mx="auto" maw="90%" style={{ borderRadius: 6 }}>
              Simulator: you are a shopper. {agent.name} answers with the real engine, as on WhatsApp. Nothing is sent to a phone.
            </Text>
            {chat.items.map((item) =>
              item.side === 'shopper' ? (
                <ShopperBubble key={item.key} item={item} onRetry={() => chat.retry(item)} />
              ) : (
                <AgentMessage key={item.key} message={item.payload} messageId={item.messageId} at={item.at} onSend={chat.send} onOpen={setSheet} />
              ),
            )}
            {chat.waiting ? (
              <Box bg="white" px="sm" py={8} style={{ alignSelf: 'flex-start', borderRadius: 8, borderTopLeftRadius: 2 }} role="status" aria-label={`${agent.name} is typing`}>
                <Loader type="dots" size="xs" color="gray" />
              </Box>
            ) : null}
          </Stack>
        )}
      </Box>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {photoProblem ? (
          <Text fz={12} c="red" px="sm" pt={6} bg="#f0f2f5" role="alert">
            {photoProblem}
          </Text>
        ) : null}
        <Group gap={6} px={8} py={8} wrap="nowrap" bg="#f0f2f5">
          <input
            ref={photoInput}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            hidden
            aria-label="Photo to send"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void sendPhoto(file);
            }}
          />
          <Tooltip label="Send a photo (a selfie or your hand, to try a piece on)">
            <ActionIcon variant="subtle" color="gray" size={36} radius="xl" aria-label="Send a photo" onClick={() => photoInput.current?.click()} disabled={chat.loading || chat.waiting}>
              <IconCamera size={20} />
            </ActionIcon>
          </Tooltip>
          <TextInput
            style={{ flex: 1 }}
            radius="xl"
            placeholder="Message"
            aria-label="Message"
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            disabled={chat.loading}
          />
          <ActionIcon type="submit" size={36} radius="xl" color={WA.teal} variant="filled" aria-label="Send" disabled={!draft.trim() || chat.waiting}>
            <IconSend size={18} />
          </ActionIcon>
        </Group>
      </form>
      {sheet ? <SheetContent sheet={sheet} onClose={() => setSheet(null)} onOpen={setSheet} onSend={chat.send} /> : null}
    </Box>
  );
}
