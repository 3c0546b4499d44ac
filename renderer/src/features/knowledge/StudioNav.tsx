import { Button, Group } from '@mantine/core';
import { IconBooks, IconSparkles, IconUserStar } from '@tabler/icons-react';
import type { MouseEvent, ReactNode } from 'react';
import { Link } from 'react-router';

/** Agent Studio's parts: the agents, the store's documents they answer from, and virtual try-on. */
export function StudioNav({ current, onGo }: { current: 'agents' | 'knowledge' | 'try-on'; onGo?: (path: string) => void }) {
  const item = (key: typeof current, to: string, label: string, icon: ReactNode) => (
    <Button
      component={Link}
      to={to}
      size="xs"
      variant={current === key ? 'light' : 'subtle'}
      color={current === key ? 'gold' : 'gray'}
      leftSection={icon}
      aria-current={current === key ? 'page' : undefined}
      onClick={(e: MouseEvent) => {
        // The Studio asks before leaving unsaved changes.
        if (!onGo) return;
        e.preventDefault();
        onGo(to);
      }}
    >
      {label}
    </Button>
  );
  return (
    <Group gap={4} component="nav" aria-label="Agent Studio">
      {item('agents', '/agents', 'Agents', <IconUserStar size={16} />)}
      {item('knowledge', '/agents/knowledge', 'Knowledge', <IconBooks size={16} />)}
      {item('try-on', '/agents/try-on', 'Try-on', <IconSparkles size={16} />)}
    </Group>
  );
}
