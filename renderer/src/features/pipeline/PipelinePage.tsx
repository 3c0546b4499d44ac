import { Anchor, Button, EmptyState, Group, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLayoutKanban, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useApiClient } from '../../api/ApiContext';
import type { Agent, Deal, DealDetail, DealStage } from '../../api/contracts';
import { useApi } from '../../api/useApi';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorState, LoadingState } from '../../ui/StatusStates';
import { DealDrawer, type DealEdits } from './DealDrawer';
import { LostReasonModal, NewDealModal, type NewDeal } from './DealDialogs';
import { PipelineBoard } from './PipelineBoard';
import { pipelineValue, rupees } from './pipelineMoves';
import { usePipeline } from './usePipeline';

function Empty({ onNew }: { onNew: () => void }) {
  return (
    <EmptyState
      py="xl"
      variant="light"
      icon={<IconLayoutKanban />}
      title="No deals yet"
      description="A deal appears here by itself when a shopper messages the store, and moves as the conversation goes: the agent replies, shows products, the shopper asks for a better price, books a visit, orders."
    >
      <EmptyState.Actions>
        <Stack align="center" gap="xs">
          <Text size="sm">
            To see it happen, open an agent in <Anchor component={Link} to="/agents">Agents</Anchor> and chat as a shopper in its simulator: ask for “gold bangles”.
          </Text>
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={onNew}>
            Add a deal by hand
          </Button>
        </Stack>
      </EmptyState.Actions>
    </EmptyState>
  );
}

/** The Pipeline screen: every deal on a Kanban, moving by itself on events and by hand. */
export function PipelinePage() {
  const client = useApiClient();
  const { deals, error, reload, move } = usePipeline();
  const agentList = useApi('listAgents');
  const agents = useMemo(() => new Map<number, Agent>((agentList.data?.agents ?? []).map((a) => [a.id, a])), [agentList.data]);
  const [agentFilter, setAgentFilter] = useState<string | null>(null);
  const [opened, setOpened] = useState<DealDetail | null>(null);
  const [losing, setLosing] = useState<{ deal: Deal; position: number } | null>(null);
  const [creating, setCreating] = useState(false);

  const shown = useMemo(() => (deals ?? []).filter((d) => !agentFilter || String(d.agentId) === agentFilter), [deals, agentFilter]);
  const openDeal = (d: Deal) => {
    client
      .call('getDeal', { params: { id: String(d.id) } })
      .then(setOpened)
      .catch((err: unknown) => notifications.show({ color: 'red', title: 'The deal could not be opened', message: err instanceof Error ? err.message : String(err) }));
  };
  const refreshOpened = (id: number) => {
    client.call('getDeal', { params: { id: String(id) } }).then(setOpened).catch(() => setOpened(null));
  };
  const onMove = (d: Deal, stage: DealStage, position: number) => {
    if (stage === 'lost' && d.stage !== 'lost') return setLosing({ deal: d, position });
    void move(d, stage, position).then(() => opened?.id === d.id && refreshOpened(d.id));
  };
  const save = async (edits: DealEdits) => {
    if (!opened) return;
    setOpened(await client.call('updateDeal', { params: { id: String(opened.id) }, body: edits }));
    reload();
  };
  const create = async (input: NewDeal) => {
    const d = await client.call('createDeal', { body: { ...input, stage: 'new', products: [], agentId: agentFilter ? Number(agentFilter) : null, nextStep: '' } });
    setCreating(false);
    reload();
    notifications.show({ color: 'teal', title: 'Deal added', message: `“${d.title}” is in New.` });
  };

  let body;
  if (error && !deals) body = <ErrorState error={error} onRetry={reload} />;
  else if (!deals) body = <LoadingState label="Loading the pipeline…" />;
  else if (deals.length === 0) body = <Empty onNew={() => setCreating(true)} />;
  else body = <PipelineBoard deals={shown} agents={agents} onMove={onMove} onOpen={openDeal} />;

  return (
    <>
      <PageHeader
        title="Pipeline"
        description={
          <span>
            Pipeline value <strong data-testid="pipeline-value">{rupees(pipelineValue(shown))}</strong> in open deals · won{' '}
            <span data-testid="won-value">{rupees(shown.filter((d) => d.stage === 'sold').reduce((n, d) => n + d.value, 0))}</span>
          </span>
        }
        extra={
          <Group gap="xs">
            <Select
              aria-label="Filter by agent"
              placeholder="All agents"
              clearable
              data={(agentList.data?.agents ?? []).map((a) => ({ value: String(a.id), label: a.name }))}
              value={agentFilter}
              onChange={setAgentFilter}
              w={180}
            />
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              New deal
            </Button>
          </Group>
        }
      />
      {body}
      <DealDrawer
        deal={opened}
        agents={agents}
        opened={opened !== null}
        onClose={() => setOpened(null)}
        onSave={save}
        onMove={(stage) => opened && onMove(opened, stage, 0)}
        onLose={() => opened && setLosing({ deal: opened, position: 0 })}
      />
      <LostReasonModal
        title={losing?.deal.title ?? null}
        onCancel={() => setLosing(null)}
        onConfirm={(reason) => {
          if (!losing) return;
          const { deal, position } = losing;
          setLosing(null);
          void move(deal, 'lost', position, reason).then(() => opened?.id === deal.id && refreshOpened(deal.id));
        }}
      />
      <NewDealModal opened={creating} onClose={() => setCreating(false)} onCreate={create} />
    </>
  );
}
