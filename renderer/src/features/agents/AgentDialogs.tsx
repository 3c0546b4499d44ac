import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import { ApiClientError } from '../../api/client';
import type { Agent } from '../../api/contracts';

const message = (err: unknown) => (err instanceof Error ? err.message : 'Something went wrong.');

/** Name (and role) of a new agent; it starts with the default persona and skills. */
export function NewAgentModal({ onClose, onCreated }: { onClose: () => void; onCreated: (agent: Agent) => void }) {
  const client = useApiClient();
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const create = async () => {
    setBusy(true);
    setProblem(null);
    try {
      onCreated(await client.call('createAgent', { body: { name, role } }));
      onClose();
    } catch (err) {
      if (err instanceof ApiClientError && Object.keys(err.fields).length > 0) setErrors(err.fields);
      else setProblem(message(err));
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title="A new agent">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim().length < 2) setErrors({ name: 'Give the agent a name of at least 2 letters' });
          else void create();
        }}
        noValidate
      >
        <Stack gap="md">
          <TextInput label="Name" withAsterisk placeholder="Riya" data-autofocus value={name} error={errors.name} onChange={(e) => setName(e.currentTarget.value)} />
          <TextInput label="Role" placeholder="After-sales" value={role} error={errors.role} onChange={(e) => setRole(e.currentTarget.value)} />
          {problem ? (
            <Alert color="red" variant="light" role="alert">
              {problem}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Create agent
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Deleting asks first; the server's refusal (e.g. the default agent) is shown in the dialog. */
export function DeleteAgentModal({ agent, onClose, onDeleted }: { agent: Agent; onClose: () => void; onDeleted: (id: number) => void }) {
  const client = useApiClient();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await client.call('deleteAgent', { params: { id: String(agent.id) } });
      onDeleted(agent.id);
      onClose();
    } catch (err) {
      setProblem(message(err));
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={`Delete ${agent.name}?`}>
      <Text size="sm" mb="md">
        Its persona, avatar and skill settings are deleted. Conversations it had stay in the Inbox. This cannot be undone.
      </Text>
      {problem ? (
        <Alert color="red" variant="light" role="alert" mb="md" title="Not deleted">
          {problem}
        </Alert>
      ) : null}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          Keep it
        </Button>
        <Button color="red" loading={busy} onClick={() => void confirm()}>
          Delete
        </Button>
      </Group>
    </Modal>
  );
}

/** Leaving an agent with unsaved changes asks first. */
export function DiscardChangesModal({ name, onKeep, onDiscard }: { name: string; onKeep: () => void; onDiscard: () => void }) {
  return (
    <Modal opened onClose={onKeep} title="Discard unsaved changes?">
      <Text size="sm" mb="lg">
        {name} has changes that are not saved yet. They are lost if you leave now.
      </Text>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onKeep}>
          Keep editing
        </Button>
        <Button color="red" onClick={onDiscard}>
          Discard changes
        </Button>
      </Group>
    </Modal>
  );
}
