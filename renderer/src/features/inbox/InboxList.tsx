import { Badge, Box, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { InboxThread } from '../../api/contracts';
import { chatTime } from '../simulator/ChatBubble';

export const contactName = (t: Pick<InboxThread, 'contactName' | 'contactPhone' | 'contactId'>) => t.contactName ?? t.contactPhone ?? `Contact ${t.contactId}`;

/** A short chip for why a person has the thread: "Upset", "Asked for a person", "Unhappy feedback (2★)"… */
export function reasonChip(reason: string | null): string {
  if (!reason) return 'Needs you';
  if (/^negative sentiment/i.test(reason)) return 'Upset';
  if (/^unhappy feedback/i.test(reason)) return reason.replace(/^unhappy feedback/i, 'Unhappy feedback');
  if (/^could not answer/i.test(reason)) return 'Agent stuck';
  if (/^order of/i.test(reason)) return 'Big order';
  if (/taken over/i.test(reason)) return 'Taken over';
  if (/paused/i.test(reason)) return 'Agent paused';
  if (/complaint/i.test(reason)) return 'Complaint';
  return 'Asked for a person';
}

/** The Inbox's left column: threads a person holds first (reason chips, unread counts), then the rest. */
export function InboxList({ threads, selected, onSelect }: { threads: InboxThread[]; selected: number | null; onSelect: (id: number) => void }) {
  return (
    <Stack gap={4} role="list" aria-label="Conversations">
      {threads.map((t) => {
        const active = t.id === selected;
        return (
          <UnstyledButton
            key={t.id}
            role="listitem"
            aria-current={active ? 'true' : undefined}
            aria-label={`${contactName(t)}${t.state === 'handoff' ? `, needs you: ${t.reason ?? ''}` : ''}${t.unread ? `, ${t.unread} unread` : ''}`}
            onClick={() => onSelect(t.id)}
            p="xs"
            style={{ borderRadius: 8, background: active ? 'var(--mantine-color-teal-0)' : t.state === 'handoff' ? 'var(--mantine-color-orange-0)' : undefined, border: '1px solid var(--mantine-color-gray-2)' }}
          >
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text fw={t.unread ? 700 : 500} size="sm" truncate>
                {contactName(t)}
              </Text>
              <Group gap={6} wrap="nowrap">
                {t.lastMessage ? (
                  <Text fz={11} c="dimmed">
                    {chatTime(t.lastMessage.at)}
                  </Text>
                ) : null}
                {t.unread ? (
                  <Badge size="sm" color="green" circle>
                    {t.unread}
                  </Badge>
                ) : null}
              </Group>
            </Group>
            <Text fz={12} c="dimmed" truncate>
              {t.lastMessage ? `${t.lastMessage.direction === 'out' ? (t.lastMessage.by === 'owner' ? 'You: ' : `${t.agentName ?? 'Agent'}: `) : ''}${t.lastMessage.text}` : 'No messages'}
            </Text>
            <Group gap={4} mt={4}>
              {t.state === 'handoff' ? (
                <Badge size="xs" color="orange" variant="light" title={t.reason ?? undefined}>
                  {reasonChip(t.reason)}
                </Badge>
              ) : (
                <Badge size="xs" color={t.state === 'closed' ? 'gray' : 'teal'} variant="light">
                  {t.state === 'closed' ? 'Closed' : `${t.agentName ?? 'Agent'} answering`}
                </Badge>
              )}
              {t.channel !== 'whatsapp' ? (
                <Badge size="xs" color="gray" variant="outline">
                  {t.channel}
                </Badge>
              ) : null}
            </Group>
          </UnstyledButton>
        );
      })}
      <Box h={4} />
    </Stack>
  );
}
