import { Box, Group, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { DEFAULT_TIME_ZONE } from '../../ui/format';

const timeFormat = new Intl.DateTimeFormat('en-IN', { hour: 'numeric', minute: '2-digit', timeZone: DEFAULT_TIME_ZONE });

export function chatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : timeFormat.format(d).toLowerCase();
}

export const WA = { out: '#d9fdd3', in: '#ffffff', teal: '#008069', link: '#027eb5', meta: '#667781', wallpaper: '#efeae2' } as const;

/**
 * One message as WhatsApp draws it: agent on the left in white, shopper on the right in green,
 * the time in the corner; reply buttons (if any) hang under the bubble at its width.
 */
export function ChatBubble({
  side,
  at,
  children,
  buttons,
  status,
  label,
}: {
  side: 'agent' | 'shopper';
  at: string;
  children: ReactNode;
  buttons?: ReactNode;
  status?: ReactNode;
  label: string;
}) {
  const mine = side === 'shopper';
  return (
    <Box maw="85%" style={{ alignSelf: mine ? 'flex-end' : 'flex-start' }} role="article" aria-label={label} data-side={side}>
      <Box
        px={8}
        pt={6}
        pb={4}
        bg={mine ? WA.out : WA.in}
        style={{ borderRadius: 8, borderTopRightRadius: mine ? 2 : 8, borderTopLeftRadius: mine ? 8 : 2, boxShadow: '0 1px 0.5px rgba(11,20,26,.13)', color: '#111b21' }}
      >
        {children}
        <Group gap={4} justify="flex-end" mt={2}>
          <Text fz={11} c={WA.meta} lh={1}>
            {chatTime(at)}
          </Text>
          {status}
        </Group>
      </Box>
      {buttons}
    </Box>
  );
}

/** A reply button or the list/product list opener under a bubble. */
export function BubbleButton({ children, onClick, disabled, label }: { children: ReactNode; onClick?: () => void; disabled?: boolean; label?: string }) {
  return (
    <UnstyledButton
      onClick={onClick}
      disabled={disabled}
      aria-label={label}
      w="100%"
      mt={2}
      py={7}
      bg={WA.in}
      style={{
        borderRadius: 8,
        boxShadow: '0 1px 0.5px rgba(11,20,26,.13)',
        color: disabled ? WA.meta : WA.link,
        fontSize: 14,
        fontWeight: 500,
        display: 'flex',
        justifyContent: 'center',
        alignItems: 'center',
        gap: 6,
      }}
    >
      {children}
    </UnstyledButton>
  );
}
