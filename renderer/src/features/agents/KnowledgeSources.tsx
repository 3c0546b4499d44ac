import { Anchor, Checkbox, EmptyState, Group, Stack, Table, Text } from '@mantine/core';
import { IconBooks } from '@tabler/icons-react';
import type { MouseEvent } from 'react';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '../../ui/StatusStates';
import { KindIcon, SourceStatus } from '../knowledge/sourceDisplay';
import { useKnowledge } from '../knowledge/useKnowledge';

interface KnowledgeSourcesProps {
  /** The ids this agent answers from; empty means all of the store's documents (the default). */
  value: number[];
  onChange: (ids: number[]) => void;
  /** Leaves for another screen through the Studio's unsaved-change guard. */
  onGo?: (path: string) => void;
}

function ManageLink({ onGo }: { onGo?: ((path: string) => void) | undefined }) {
  return (
    <Anchor
      component={Link}
      to="/agents/knowledge"
      size="sm"
      onClick={(e: MouseEvent) => {
        if (!onGo) return;
        e.preventDefault();
        onGo('/agents/knowledge');
      }}
    >
      Add or manage documents on the Knowledge screen
    </Anchor>
  );
}

/** Which of the store's documents this agent answers from; saved with the agent. */
export function KnowledgeSources({ value, onChange, onGo }: KnowledgeSourcesProps) {
  const { state, sources } = useKnowledge();
  if (state.error && !state.data) return <ErrorState error={state.error} onRetry={state.reload} title="The documents could not be loaded" />;
  if (!state.data) return <LoadingState label="Loading the documents…" />;
  if (sources.length === 0) {
    return (
      <EmptyState variant="light" color="gray" py="lg" icon={<IconBooks />} title="No documents yet" description="Add the store's returns policy, FAQ, shipping and care guide, or its website, and the agent quotes them when shoppers ask.">
        <ManageLink onGo={onGo} />
      </EmptyState>
    );
  }

  const all = value.length === 0;
  const chosen = new Set(value);
  const toggle = (id: number, on: boolean) => {
    // From "all": the agent keeps every document but this one.
    const current = all ? sources.map((s) => s.id) : value;
    const next = on ? [...new Set([...current, id])] : current.filter((x) => x !== id);
    // An empty list means "all", so the last document cannot be unticked; "All" is the way back.
    if (next.length > 0) onChange(next);
  };
  const lastOne = !all && sources.filter((s) => chosen.has(s.id)).length === 1;

  return (
    <Stack gap="xs">
      <Text size="sm">The agent answers policy questions from the documents ticked here and names the one it quotes.</Text>
      <Checkbox
        label="All of the store's documents"
        description={all ? 'Including the ones you add later.' : 'Tick to use every document, including the ones you add later.'}
        checked={all}
        onChange={(e) => onChange(e.currentTarget.checked ? [] : sources.map((s) => s.id))}
      />
      <Table aria-label="Knowledge documents" verticalSpacing={6}>
        <Table.Tbody>
          {sources.map((s) => {
            const on = all || chosen.has(s.id);
            return (
              <Table.Tr key={s.id}>
                <Table.Td w={36}>
                  <Checkbox
                    aria-label={`Answer from ${s.name}`}
                    checked={on}
                    disabled={on && lastOne}
                    onChange={(e) => toggle(s.id, e.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <KindIcon source={s} size={16} />
                    <Text size="sm" fw={500} style={{ wordBreak: 'break-word' }}>
                      {s.name}
                      {s.status === 'ready' ? (
                        <Text span size="xs" c="dimmed" fw={400}>
                          {` · ${s.chunks === 1 ? '1 passage' : `${s.chunks} passages`}`}
                        </Text>
                      ) : null}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td w={96} style={{ whiteSpace: 'nowrap' }}>
                  <SourceStatus source={s} compact />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {lastOne ? (
        <Text size="xs" c="dimmed">
          An agent answers from at least one document; tick &quot;All of the store&apos;s documents&quot; to use them all.
        </Text>
      ) : null}
      <Text size="xs">
        <ManageLink onGo={onGo} />
      </Text>
    </Stack>
  );
}
