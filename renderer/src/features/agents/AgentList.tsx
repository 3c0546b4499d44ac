import { ActionIcon, Badge, Button, Group, Menu, Paper, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconCopy, IconDots, IconPlayerPause, IconPlayerPlay, IconPlus, IconStar, IconStarFilled, IconTrash } from '@tabler/icons-react';
import type { Agent } from '../../api/contracts';
import { AgentAvatar } from './AgentAvatar';

export type AgentAction = 'clone' | 'pause' | 'resume' | 'default' | 'delete';

interface AgentListProps {
  agents: Agent[];
  selectedId: number | undefined;
  onSelect: (agent: Agent) => void;
  onAction: (agent: Agent, action: AgentAction) => void;
  onNew: () => void;
}

/** The store's agents: picture, name, role, status and which one answers the WhatsApp number. */
export function AgentList({ agents, selectedId, onSelect, onAction, onNew }: AgentListProps) {
  return (
    <Stack gap="xs" component="nav" aria-label="Agents">
      {agents.map((agent) => {
        const selected = agent.id === selectedId;
        return (
          <Paper key={agent.id} withBorder radius="md" p={6} bg={selected ? 'gold.0' : undefined} style={{ borderColor: selected ? 'var(--mantine-color-gold-4)' : undefined }}>
            <Group gap={6} wrap="nowrap">
              <UnstyledButton onClick={() => onSelect(agent)} aria-current={selected ? 'page' : undefined} style={{ flex: 1, minWidth: 0 }}>
                <Group gap="xs" wrap="nowrap">
                  <AgentAvatar agent={agent} size={36} />
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Group gap={4} wrap="nowrap">
                      <Text size="sm" fw={600} truncate>
                        {agent.name}
                      </Text>
                      {agent.isDefault ? (
                        <Tooltip label="Answers your WhatsApp number">
                          <IconStarFilled size={14} color="var(--mantine-color-gold-6)" aria-label="Default agent" role="img" />
                        </Tooltip>
                      ) : null}
                    </Group>
                    <Text size="xs" c="dimmed" truncate>
                      {agent.role || 'No role'}
                    </Text>
                    <Badge size="xs" mt={2} variant="light" color={agent.status === 'active' ? 'teal' : 'orange'}>
                      {agent.status === 'active' ? 'Active' : 'Paused'}
                    </Badge>
                  </Stack>
                </Group>
              </UnstyledButton>
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${agent.name}`}>
                    <IconDots size={16} />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item leftSection={<IconCopy size={14} />} onClick={() => onAction(agent, 'clone')}>
                    Clone
                  </Menu.Item>
                  {agent.status === 'active' ? (
                    <Menu.Item leftSection={<IconPlayerPause size={14} />} onClick={() => onAction(agent, 'pause')}>
                      Pause
                    </Menu.Item>
                  ) : (
                    <Menu.Item leftSection={<IconPlayerPlay size={14} />} onClick={() => onAction(agent, 'resume')}>
                      Resume
                    </Menu.Item>
                  )}
                  <Menu.Item leftSection={<IconStar size={14} />} disabled={agent.isDefault} onClick={() => onAction(agent, 'default')}>
                    Make default
                  </Menu.Item>
                  <Menu.Divider />
                  <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => onAction(agent, 'delete')}>
                    Delete…
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          </Paper>
        );
      })}
      <Button variant="light" leftSection={<IconPlus size={16} />} onClick={onNew}>
        New agent
      </Button>
    </Stack>
  );
}
