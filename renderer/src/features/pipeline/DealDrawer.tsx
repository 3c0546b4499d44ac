import { Badge, Button, Divider, Drawer, Group, NumberInput, Select, Stack, Text, Textarea, TextInput, Timeline } from '@mantine/core';
import { IconHandStop, IconRobot, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import type { Agent, DealDetail, DealStage } from '../../api/contracts';
import { formatDateTime } from '../../ui/format';
import { rupees, stageLabel, STAGES } from './pipelineMoves';

export interface DealEdits {
  title: string;
  value: number;
  nextStep: string;
}

interface DrawerProps {
  deal: DealDetail | null;
  agents: Map<number, Agent>;
  opened: boolean;
  onClose: () => void;
  onSave: (edits: DealEdits) => Promise<void>;
  onMove: (stage: DealStage) => void;
  onLose: () => void;
}

/** One deal: edit its title, value and next step, move it, mark it lost, and read its history. */
export function DealDrawer(props: DrawerProps) {
  const { deal } = props;
  return (
    <Drawer opened={props.opened && deal !== null} onClose={props.onClose} position="right" size="md" title={<Text fw={600}>{deal?.title ?? ''}</Text>}>
      {/* a fresh form for each version of the deal: what the server says wins */}
      {deal ? <DealForm key={`${deal.id}:${deal.updatedAt}`} {...props} deal={deal} /> : null}
    </Drawer>
  );
}

function DealForm(props: DrawerProps & { deal: DealDetail }) {
  const { deal } = props;
  const [title, setTitle] = useState(deal.title);
  const [value, setValue] = useState<number | string>(deal.value);
  const [nextStep, setNextStep] = useState(deal.nextStep);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const rupeesValue = typeof value === 'number' ? value : Number(String(value).replace(/[^\d]/g, '') || 0);
  const dirty = title.trim() !== deal.title || rupeesValue !== deal.value || nextStep !== deal.nextStep;
  const save = async () => {
    if (!title.trim()) return setError('Give the deal a title');
    setSaving(true);
    setError(null);
    try {
      await props.onSave({ title: title.trim(), value: rupeesValue, nextStep });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setSaving(false);
    }
  };
  const agent = deal.agentId !== null ? props.agents.get(deal.agentId) : undefined;

  return (
    <Stack gap="md">
      <Group gap="xs">
        <Badge variant="light">{stageLabel(deal.stage)}</Badge>
        <Text size="sm">{deal.contactName ?? 'Unknown shopper'}</Text>
        {deal.contactPhone ? (
          <Text size="sm" c="dimmed">
            {deal.contactPhone}
          </Text>
        ) : null}
      </Group>
      {deal.stage === 'lost' && deal.lostReason ? <Text c="red.7" size="sm">Lost: {deal.lostReason}</Text> : null}
      <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={120} />
      <NumberInput label="Value (₹)" value={value} onChange={setValue} min={0} step={1000} allowDecimal={false} allowNegative={false} thousandSeparator="," thousandsGroupStyle="lakh" prefix="₹" />
      <Textarea label="Next step" value={nextStep} onChange={(e) => setNextStep(e.currentTarget.value)} maxLength={300} autosize minRows={2} placeholder="e.g. Call on Friday with the 22K options" />
      {error ? <Text c="red" size="sm" role="alert">{error}</Text> : null}
      <Group justify="space-between">
        <Button onClick={() => void save()} loading={saving} disabled={!dirty}>
          Save
        </Button>
        {deal.stage !== 'lost' ? (
          <Button variant="light" color="red" leftSection={<IconHandStop size={16} />} onClick={props.onLose}>
            Mark lost
          </Button>
        ) : null}
      </Group>
      <Select
        label="Stage"
        data={STAGES.filter((s) => s !== 'lost').map((s) => ({ value: s, label: stageLabel(s) }))}
        value={deal.stage === 'lost' ? null : deal.stage}
        placeholder="Bring it back to a stage"
        onChange={(s) => s && s !== deal.stage && props.onMove(s as DealStage)}
        allowDeselect={false}
      />
      <Divider label="Details" labelPosition="left" />
      <Text size="sm">Agent: {agent?.name ?? deal.agentName ?? 'none'}</Text>
      <Text size="sm">Products: {deal.products.length ? deal.products.join(', ') : 'none yet'}</Text>
      <Text size="sm" c="dimmed">
        Opened {formatDateTime(deal.createdAt)} · value {rupees(deal.value)}
      </Text>
      <Divider label="History" labelPosition="left" />
      <Timeline bulletSize={22} lineWidth={2} active={deal.history.length - 1} aria-label="History of moves">
        {deal.history.map((m, i) => (
          <Timeline.Item key={i} bullet={m.by === 'auto' ? <IconRobot size={12} /> : <IconUser size={12} />} title={m.from ? `${stageLabel(m.from)} → ${stageLabel(m.to)}` : `Opened in ${stageLabel(m.to)}`}>
            <Text size="xs">{m.by === 'auto' ? `Automatic: ${m.reason}` : m.reason || 'By hand'}</Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(m.at)}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}
