import { Button, Chip, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconPlayerPause, IconPlayerPlay, IconSearch, IconSettings } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { OPS_EVENT_TYPES, type OpsEvent, type OpsEventType, type OpsFilter } from '../../api/contracts';
import { useOpsStream } from '../../api/liveOps';
import { useApi } from '../../api/useApi';
import { DEFAULT_TIME_ZONE } from '../../ui/format';
import { LiveIndicator } from '../../ui/LiveIndicator';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorState } from '../../ui/StatusStates';
import { ConversationDrawer } from './ConversationDrawer';
import { downloadText } from '../../ui/download';
import { eventsToCsv } from './csv';
import { EVENT_COLORS } from './eventStyle';
import { EventLogSettings } from './EventLogSettings';
import { MatrixLog } from './MatrixLog';

export interface MatrixPageProps {
  /** For tests: how a batch is scheduled (default: the next animation frame). */
  requestFrame?: (callback: () => void) => number;
  height?: string;
}

const count = (n: number) => n.toLocaleString('en-IN');

/** The Matrix: every step of every conversation and job, live, as a terminal-style log. */
export function MatrixPage({ requestFrame, height }: MatrixPageProps = {}) {
  const [types, setTypes] = useState<OpsEventType[]>([]);
  const [agent, setAgent] = useState('');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [open, setOpen] = useState<OpsEvent | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const agents = useApi('listAgents');
  const store = useApi('getStore');
  const timeZone = store.data?.timeZone ?? DEFAULT_TIME_ZONE;

  const filters = useMemo<OpsFilter>(() => ({ ...(types.length ? { types } : {}), ...(agent ? { agents: [Number(agent)] } : {}) }), [types, agent]);
  const stream = useOpsStream({ filters, q, ...(requestFrame ? { requestFrame } : {}) });
  const { paused, setPaused } = stream;
  const filtered = types.length > 0 || agent !== '' || q !== '';

  const exportCsv = () => {
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
    downloadText(`revive-events-${stamp}.csv`, eventsToCsv(stream.rows));
  };

  return (
    <Stack gap="sm">
      <PageHeader
        title="Matrix"
        description="Every step your agents take, as it happens: messages in and out, what they looked up, hand-offs, visits, orders and jobs. Click a line with a shopper to read the conversation."
        extra={<LiveIndicator />}
      />
      <Group gap="xs" wrap="wrap" align="flex-end">
        <TextInput
          aria-label="Search events"
          placeholder="Search details, agents, shoppers"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={260}
        />
        <NativeSelect
          aria-label="Agent"
          value={agent}
          onChange={(e) => setAgent(e.currentTarget.value)}
          data={[{ value: '', label: 'All agents' }, ...(agents.data?.agents ?? []).map((a) => ({ value: String(a.id), label: a.name }))]}
          w={200}
        />
        <Button
          variant={paused ? 'filled' : 'default'}
          color={paused ? 'orange' : undefined}
          leftSection={paused ? <IconPlayerPlay size={16} /> : <IconPlayerPause size={16} />}
          onClick={() => setPaused(!paused)}
        >
          {paused ? `Resume${stream.pendingCount > 0 ? ` (${count(stream.pendingCount)} new)` : ''}` : 'Pause'}
        </Button>
        <Button variant="default" leftSection={<IconDownload size={16} />} onClick={exportCsv} disabled={stream.rows.length === 0}>
          Export CSV
        </Button>
        <Button variant="subtle" leftSection={<IconSettings size={16} />} onClick={() => setSettingsOpen(true)}>
          Log settings
        </Button>
      </Group>
      <Chip.Group multiple value={types} onChange={(v) => setTypes(OPS_EVENT_TYPES.filter((t) => v.includes(t)))}>
        <Group gap={6} aria-label="Event types">
          {OPS_EVENT_TYPES.map((t) => (
            <Chip key={t} value={t} size="xs" variant="outline" color={t === 'ERROR' ? 'red' : 'dark'} styles={{ label: { fontFamily: 'monospace' } }}>
              <span style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, background: EVENT_COLORS[t], marginRight: 6 }} />
              {t}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {stream.error ? <ErrorState error={stream.error} onRetry={stream.reload} title="Earlier events could not be loaded; new ones still appear below" /> : null}
      <Text size="sm" c="dimmed" aria-live="polite">
        {stream.loading
          ? 'Loading recent events…'
          : stream.rows.length === 0
            ? filtered
              ? 'No events match these filters yet. New ones appear here as they happen; clear the filters to see everything.'
              : 'No events yet. Send a message to an agent (try the simulator in Agents) and it appears here as it happens.'
            : `${count(stream.rows.length)} events${filtered ? ' matching' : ''}${paused ? ` · paused, ${count(stream.pendingCount)} waiting` : ''}`}
      </Text>
      <MatrixLog rows={stream.rows} version={stream.version} timeZone={timeZone} onOpen={setOpen} {...(height ? { height } : {})} />
      <ConversationDrawer event={open} onClose={() => setOpen(null)} />
      <EventLogSettings opened={settingsOpen} onClose={() => setSettingsOpen(false)} />
    </Stack>
  );
}
