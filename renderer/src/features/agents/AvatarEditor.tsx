import { Alert, Button, FileButton, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconPhotoUp, IconSparkles, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Agent } from '../../api/contracts';
import { AgentAvatar } from './AgentAvatar';
import { useAvatar } from './useAvatar';

const KIND_LABELS = { upload: 'Uploaded picture', generated: 'Generated picture', illustrated: 'Illustrated from a description' } as const;

/** Upload (pick or drop), generate from a description, or remove the agent's avatar. Changes apply at once. */
export function AvatarEditor({ agent, onChanged }: { agent: Agent; onChanged: (agent: Agent) => void }) {
  const avatar = useAvatar(agent, onChanged);
  const [description, setDescription] = useState(agent.avatar?.description ?? '');
  const [dragging, setDragging] = useState(false);

  return (
    <Stack gap="md">
      <Paper
        withBorder
        p="md"
        radius="md"
        aria-label="Drop a picture here"
        bg={dragging ? 'gold.0' : undefined}
        style={{ borderStyle: 'dashed', borderColor: dragging ? 'var(--mantine-color-gold-5)' : undefined }}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const file = e.dataTransfer.files[0];
          if (file) void avatar.upload(file);
        }}
      >
        <Group wrap="nowrap" gap="md">
          <AgentAvatar agent={agent} size={88} />
          <Stack gap={6}>
            <Text size="sm" c="dimmed">
              {agent.avatar ? `${KIND_LABELS[agent.avatar.kind]}.` : 'No avatar yet: shoppers see the initials.'} Drop a logo or photo here, or:
            </Text>
            <Group gap="xs">
              <FileButton onChange={(file) => file && void avatar.upload(file)} accept="image/png,image/jpeg,image/webp">
                {(props) => (
                  <Button size="xs" variant="default" leftSection={<IconPhotoUp size={16} />} loading={avatar.busy === 'upload'} {...props}>
                    Upload a picture
                  </Button>
                )}
              </FileButton>
              {agent.avatar ? (
                <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={16} />} loading={avatar.busy === 'remove'} onClick={() => void avatar.remove()}>
                  Remove
                </Button>
              ) : null}
            </Group>
          </Stack>
        </Group>
      </Paper>
      {avatar.problem ? (
        <Alert color="red" variant="light" role="alert">
          {avatar.problem}
        </Alert>
      ) : null}
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          label="Describe a face to generate"
          placeholder="Professional Indian saleswoman in a saree"
          value={description}
          error={avatar.fieldError}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <Button variant="light" leftSection={<IconSparkles size={16} />} loading={avatar.busy === 'generate'} onClick={() => void avatar.generate(description)}>
          Generate
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        With an image-generation provider configured Revive paints a portrait; without one it draws an illustrated avatar from the description.
      </Text>
    </Stack>
  );
}
