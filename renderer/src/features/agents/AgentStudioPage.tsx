import { Box, Group, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { Agent } from '../../api/contracts';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorState, LoadingState } from '../../ui/StatusStates';
import { StudioNav } from '../knowledge/StudioNav';
import { Simulator } from '../simulator/Simulator';
import { AgentEditor } from './AgentEditor';
import { DeleteAgentModal, DiscardChangesModal, NewAgentModal } from './AgentDialogs';
import { AgentList, type AgentAction } from './AgentList';
import { useAgentActions } from './useAgentActions';
import { useAgents } from './useAgents';

/** Agent Studio: the agents on the left, the selected one's editor in the middle, the simulator phone on the right. */
export function AgentStudioPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { agents, skills, list, replace, remove } = useAgents();
  const [dirty, setDirty] = useState(false);
  const [leaving, setLeaving] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Agent | null>(null);
  const selected = id ? list.find((a) => String(a.id) === id) : (list.find((a) => a.isDefault) ?? list[0]);

  const go = (path: string) => (dirty ? setLeaving(path) : void navigate(path));
  const onDirtyChange = useCallback((d: boolean) => setDirty(d), []);
  const act = useAgentActions((agent, action) => {
    replace(agent);
    if (action === 'clone') go(`/agents/${agent.id}`);
  });
  const onAction = (agent: Agent, action: AgentAction) => (action === 'delete' ? setDeleting(agent) : void act(agent, action));

  // Closing or reloading the window with unsaved changes asks the browser's own question.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  if (agents.error && !agents.data) return <ErrorState error={agents.error} onRetry={agents.reload} />;
  if (!agents.data) return <LoadingState label="Loading your agents…" />;

  return (
    <>
      <PageHeader title="Agent Studio" extra={<StudioNav current="agents" onGo={go} />} />
      <Group align="flex-start" gap="md" wrap="nowrap">
        <Box w={210} style={{ flexShrink: 0 }}>
          <AgentList agents={list} selectedId={selected?.id} onSelect={(a) => a.id !== selected?.id && go(`/agents/${a.id}`)} onAction={onAction} onNew={() => setCreating(true)} />
        </Box>
        <Box style={{ flex: 1, minWidth: 0 }}>
          {selected ? (
            <AgentEditor key={selected.id} agent={selected} skills={skills} onSaved={replace} onAgentChanged={replace} onDirtyChange={onDirtyChange} onGo={go} />
          ) : (
            <Text c="dimmed">{id ? 'This agent does not exist (any more). Pick one on the left.' : 'No agents yet. Create one to start.'}</Text>
          )}
        </Box>
        {selected ? (
          <Box w={340} style={{ flexShrink: 0, position: 'sticky', top: 72 }}>
            <Simulator key={selected.id} agent={selected} />
          </Box>
        ) : null}
      </Group>
      {creating ? <NewAgentModal onClose={() => setCreating(false)} onCreated={(a) => {
            replace(a);
            go(`/agents/${a.id}`);
          }} /> : null}
      {deleting ? (
        <DeleteAgentModal
          agent={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={(deletedId) => {
            remove(deletedId);
            if (deletedId === selected?.id) void navigate('/agents');
          }}
        />
      ) : null}
      {leaving && selected ? (
        <DiscardChangesModal
          name={selected.name}
          onKeep={() => setLeaving(null)}
          onDiscard={() => {
            setDirty(false);
            void navigate(leaving);
            setLeaving(null);
          }}
        />
      ) : null}
    </>
  );
}
