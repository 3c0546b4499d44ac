import { Anchor, Badge, Box, EmptyState, Grid, Group, SegmentedControl, Text } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApi } from '../../api/useApi';
import { PageHeader } from '../../ui/PageHeader';
import { DEFAULT_TIME_ZONE } from '../../ui/format';
import { ErrorState, LoadingState } from '../../ui/StatusStates';
import { ApprovalsPanel } from '../offers/ApprovalsPanel';
import { InboxConversation } from './InboxConversation';
import { InboxList } from './InboxList';
import { useInboxList, useInboxThread } from './useInbox';

function Empty() {
  return (
    <EmptyState
      py="xl"
      variant="light"
      icon={<IconInbox />}
      title="No conversations yet"
      description="Shoppers' chats appear here as they come in. When an agent hands one over (the shopper is upset, asks for a person, rates the store 1–2 stars, or places a big order) it comes to the top and you are alerted."
    >
      <EmptyState.Actions>
        <Text size="sm">
          To try it, open an agent in <Anchor component={Link} to="/agents">Agents</Anchor> and tell its simulator “worst service, my chain broke”.
        </Text>
      </EmptyState.Actions>
    </EmptyState>
  );
}

/** The Inbox: chats that need a person first; read, reply as the store, take over, hand back. */
export function InboxPage() {
  const list = useInboxList();
  const [params, setParams] = useSearchParams();
  const [filter, setFilter] = useState<'needs' | 'all'>('all');
  const store = useApi('getStore');
  const timeZone = store.data?.timeZone ?? DEFAULT_TIME_ZONE;
  const threads = useMemo(() => (list.data?.threads ?? []).filter((t) => filter === 'all' || t.state === 'handoff'), [list.data, filter]);
  const wanted = Number(params.get('thread')) || null;
  const selected = wanted ?? threads[0]?.id ?? null;
  const current = useInboxThread(selected);
  useEffect(() => {
    if (current.thread) list.reload();
    // opening a thread marks it read: the list's counts follow
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current.thread?.id]);

  return (
    <Box>
      <PageHeader
        title="Inbox"
        description="Chats your agents handed to you come first. Reply as the store, then hand the chat back to the agent."
        extra={
          <Group gap="xs">
            {list.data ? <Badge color="orange" variant="light">{list.data.needsHuman} need you</Badge> : null}
            <Anchor component={Link} to="/feedback" size="sm">Feedback</Anchor>
          </Group>
        }
      />
      <ApprovalsPanel />
      {list.error && !list.data ? (
        <ErrorState error={list.error} onRetry={list.reload} title="The Inbox could not be loaded" />
      ) : !list.data ? (
        <LoadingState />
      ) : list.data.threads.length === 0 ? (
        <Empty />
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <SegmentedControl
              size="xs"
              mb="xs"
              fullWidth
              value={filter}
              onChange={(v) => setFilter(v as 'needs' | 'all')}
              data={[
                { value: 'all', label: 'All chats' },
                { value: 'needs', label: `Need you (${list.data.needsHuman})` },
              ]}
            />
            {threads.length ? (
              <InboxList threads={threads} selected={selected} onSelect={(id) => setParams({ thread: String(id) })} />
            ) : (
              <Text size="sm" c="dimmed" p="sm">
                No chat needs you right now. Your agents are answering.
              </Text>
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }} style={{ height: 'clamp(420px, calc(100vh - 190px), 760px)' }}>
            {selected !== null ? <InboxConversation thread={current.thread} error={current.error} onChanged={(t) => { current.setThread(t); list.reload(); }} timeZone={timeZone} /> : null}
          </Grid.Col>
        </Grid>
      )}
    </Box>
  );
}
