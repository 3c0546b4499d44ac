import { Box, CloseButton, Group, ScrollArea, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** WhatsApp's bottom sheet, drawn inside the phone (lists, product lists, a product's page). */
export function PhoneSheet({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  return (
    <Box pos="absolute" inset={0} style={{ zIndex: 5, display: 'flex', flexDirection: 'column', justifyContent: 'flex-end' }}>
      <Box pos="absolute" inset={0} bg="rgba(0,0,0,0.35)" onClick={onClose} aria-hidden />
      <Box
        role="dialog"
        aria-label={title}
        pos="relative"
        bg="white"
        style={{ borderTopLeftRadius: 14, borderTopRightRadius: 14, maxHeight: '85%', display: 'flex', flexDirection: 'column' }}
      >
        <Group justify="space-between" px="sm" py={8} style={{ borderBottom: '1px solid #e9edef' }} wrap="nowrap">
          <CloseButton aria-label={`Close ${title}`} onClick={onClose} />
          <Text fw={600} size="sm" truncate style={{ flex: 1, textAlign: 'center' }}>
            {title}
          </Text>
          <Box w={28} />
        </Group>
        <ScrollArea.Autosize mah={440} type="auto">
          {children}
        </ScrollArea.Autosize>
      </Box>
    </Box>
  );
}
