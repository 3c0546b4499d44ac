import { Avatar, type AvatarProps } from '@mantine/core';
import type { Agent } from '../../api/contracts';
import { avatarUrl, initials } from './agentUrls';

/** The agent's picture, or its initials on gold when it has none. */
export function AgentAvatar({ agent, ...props }: { agent: Pick<Agent, 'name' | 'avatar' | 'updatedAt'> } & AvatarProps) {
  const src = avatarUrl(agent);
  return (
    <Avatar src={src} alt={src ? `${agent.name}'s avatar` : undefined} color="gold" radius="xl" {...props}>
      {initials(agent.name)}
    </Avatar>
  );
}
