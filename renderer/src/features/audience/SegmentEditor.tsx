import { ActionIcon, Alert, Button, Group, Modal, NativeSelect, NumberInput, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import { SEGMENT_FIELDS, type Segment, type SegmentRule } from '../../api/contracts';
import { formatCount } from '../products/money';
import { defaultRule, defaultValue, OP_LABELS, OPS_FOR, ruleProblem, SEGMENT_FIELD_LABELS, valueKind } from './segmentRules';

/** How long the editor waits after the last change before counting. */
export const COUNT_DEBOUNCE_MS = 400;

interface Draft {
  name: string;
  description: string;
  match: 'all' | 'any';
  rules: SegmentRule[];
}

const fieldOptions = SEGMENT_FIELDS.map((f) => ({ value: f, label: SEGMENT_FIELD_LABELS[f] }));

function RuleRow({ rule, index, locked, onChange, onRemove }: { rule: SegmentRule; index: number; locked: boolean; onChange: (rule: SegmentRule) => void; onRemove: () => void }) {
  const kind = valueKind(rule.field, rule.op);
  const n = index + 1;
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap" data-rule={index}>
      <NativeSelect
        aria-label={`Rule ${n} field`}
        data={fieldOptions}
        value={rule.field}
        disabled={locked}
        onChange={(e) => onChange(defaultRule(e.currentTarget.value as SegmentRule['field']))}
        w={170}
      />
      <NativeSelect
        aria-label={`Rule ${n} condition`}
        data={OPS_FOR[rule.field].map((op) => ({ value: op, label: OP_LABELS[op] }))}
        value={rule.op}
        disabled={locked}
        onChange={(e) => {
          const op = e.currentTarget.value as SegmentRule['op'];
          onChange({ field: rule.field, op, value: defaultValue(rule.field, op) });
        }}
        w={230}
      />
      {kind.kind === 'number' ? (
        <NumberInput
          aria-label={`Rule ${n} value`}
          value={typeof rule.value === 'number' ? rule.value : ''}
          onChange={(v) => onChange({ ...rule, value: typeof v === 'number' ? v : null })}
          min={0}
          thousandSeparator=","
          allowDecimal={false}
          rightSection={<Text size="xs" c="dimmed" pr={6}>{kind.suffix}</Text>}
          rightSectionWidth={70}
          error={ruleProblem(rule)}
          w={180}
        />
      ) : kind.kind === 'choice' ? (
        <NativeSelect aria-label={`Rule ${n} value`} data={kind.options} value={String(rule.value ?? '')} onChange={(e) => onChange({ ...rule, value: e.currentTarget.value })} w={180} />
      ) : kind.kind === 'text' ? (
        <TextInput aria-label={`Rule ${n} value`} value={String(rule.value ?? '')} onChange={(e) => onChange({ ...rule, value: e.currentTarget.value.replace(/^#/, '') })} error={ruleProblem(rule)} w={180} />
      ) : (
        <div style={{ width: 180 }} />
      )}
      {locked ? null : (
        <ActionIcon variant="subtle" color="red" mt={6} aria-label={`Remove rule ${n}`} onClick={onRemove}>
          <IconTrash size={16} />
        </ActionIcon>
      )}
    </Group>
  );
}

/**
 * Rules (all / any), counted live while editing (debounced). Built-in segments keep their rules;
 * only their thresholds change, and they cannot be deleted.
 */
export function SegmentEditor({ segment, onClose, onSaved }: { segment: Segment | null; onClose: () => void; onSaved: (segment: Segment | null) => void }) {
  const client = useApiClient();
  const builtIn = segment?.builtIn ?? false;
  const [draft, setDraft] = useState<Draft>(() =>
    segment ? { name: segment.name, description: segment.description, match: segment.match, rules: segment.rules } : { name: '', description: '', match: 'all', rules: [defaultRule('totalSpend')] },
  );
  const [count, setCount] = useState<number | null>(null);
  const [counting, setCounting] = useState(false);
  const [countError, setCountError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const problem = draft.rules.map(ruleProblem).find((p) => p !== null) ?? null;
  const countKey = JSON.stringify({ match: draft.match, rules: draft.rules });

  useEffect(() => {
    if (problem) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setCounting(true);
      const { match, rules } = JSON.parse(countKey) as Pick<Draft, 'match' | 'rules'>;
      client
        .call('countSegment', { body: { name: 'Draft', description: '', match, rules }, signal: controller.signal })
        .then((r) => {
          setCount(r.count);
          setCountError(null);
        })
        .catch((err: unknown) => !controller.signal.aborted && setCountError(err instanceof Error ? err.message : 'Could not count'))
        .finally(() => !controller.signal.aborted && setCounting(false));
    }, COUNT_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [client, countKey, problem]);

  const setRule = (i: number, rule: SegmentRule) => setDraft((d) => ({ ...d, rules: d.rules.map((r, j) => (j === i ? rule : r)) }));

  const save = async () => {
    if (!draft.name.trim()) return setError('Give the segment a name');
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      const body = { ...draft, name: draft.name.trim() };
      const saved = segment ? await client.call('updateSegment', { params: { id: String(segment.id) }, body }) : await client.call('createSegment', { body });
      onSaved(saved);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Something went wrong.');
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!segment) return;
    setBusy(true);
    try {
      await client.call('deleteSegment', { params: { id: String(segment.id) } });
      onSaved(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Something went wrong.');
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} size="760px" title={segment ? `Segment: ${segment.name}` : 'New segment'} closeOnClickOutside={false}>
      <Stack gap="sm">
        <TextInput label="Name" value={draft.name} disabled={builtIn} onChange={(e) => {
            const name = e.currentTarget.value;
            setDraft((d) => ({ ...d, name }));
          }} placeholder="Pune brides" />
        <Textarea label="Description" value={draft.description} autosize minRows={1} onChange={(e) => {
            const description = e.currentTarget.value;
            setDraft((d) => ({ ...d, description }));
          }} />
        {builtIn ? (
          <Text size="sm" c="dimmed">
            A built-in segment: change its thresholds; its rules stay.
          </Text>
        ) : (
          <Group gap="xs">
            <Text size="sm">Contacts who match</Text>
            <SegmentedControl
              size="xs"
              aria-label="Match"
              value={draft.match}
              onChange={(v) => setDraft((d) => ({ ...d, match: v === 'any' ? 'any' : 'all' }))}
              data={[
                { value: 'all', label: 'all rules' },
                { value: 'any', label: 'any rule' },
              ]}
            />
          </Group>
        )}
        <Stack gap="xs" aria-label="Rules">
          {draft.rules.map((rule, i) => (
            <RuleRow key={i} rule={rule} index={i} locked={builtIn} onChange={(r) => setRule(i, r)} onRemove={() => setDraft((d) => ({ ...d, rules: d.rules.filter((_, j) => j !== i) }))} />
          ))}
          {draft.rules.length === 0 ? <Text size="sm" c="dimmed">No rules: every contact matches.</Text> : null}
        </Stack>
        {builtIn ? null : (
          <Button variant="subtle" w="fit-content" leftSection={<IconPlus size={16} />} onClick={() => setDraft((d) => ({ ...d, rules: [...d.rules, defaultRule('tags')] }))} disabled={draft.rules.length >= 20}>
            Add a rule
          </Button>
        )}
        <Text fw={600} role="status" aria-live="polite" aria-label="Matching contacts">
          {countError ? <Text span c="red">{countError}</Text> : count === null ? 'Counting…' : `${formatCount(count)} ${count === 1 ? 'contact matches' : 'contacts match'}${counting ? ' …' : ''}`}
        </Text>
        {error ? (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        ) : null}
        <Group justify="space-between">
          {segment && !builtIn ? (
            <Button color="red" variant="subtle" leftSection={<IconTrash size={16} />} onClick={() => void remove()} loading={busy}>
              Delete segment
            </Button>
          ) : (
            <span />
          )}
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button onClick={() => void save()} loading={busy}>
              Save segment
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
