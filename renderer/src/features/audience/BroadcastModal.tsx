import { Alert, Button, Group, Modal, ScrollArea, Select, Stack, Table, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import type { Broadcast, Segment, Template } from '../../api/contracts';
import { useApi } from '../../api/useApi';
import { formatDateTime } from '../../ui/format';
import { formatCount } from '../products/money';

function BroadcastList({ broadcasts, timeZone }: { broadcasts: Broadcast[]; timeZone: string }) {
  if (broadcasts.length === 0) return <Text size="sm" c="dimmed">No broadcasts yet.</Text>;
  return (
    <ScrollArea.Autosize mah={240} type="auto">
      <Table striped withTableBorder fz="sm" aria-label="Broadcasts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Segment</Table.Th>
            <Table.Th>Template</Table.Th>
            <Table.Th ta="right">Queued</Table.Th>
            <Table.Th ta="right">Sent</Table.Th>
            <Table.Th ta="right">Delivered</Table.Th>
            <Table.Th ta="right">Read</Table.Th>
            <Table.Th ta="right">Failed</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {broadcasts.map((b) => (
            <Table.Tr key={b.id}>
              <Table.Td>{formatDateTime(b.createdAt, timeZone)}</Table.Td>
              <Table.Td>{b.segmentName}</Table.Td>
              <Table.Td ff="monospace">{b.template}</Table.Td>
              <Table.Td ta="right">{formatCount(b.queued)}</Table.Td>
              <Table.Td ta="right">{formatCount(b.sent)}</Table.Td>
              <Table.Td ta="right">{formatCount(b.delivered)}</Table.Td>
              <Table.Td ta="right">{formatCount(b.read)}</Table.Td>
              <Table.Td ta="right">{formatCount(b.failed)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

/** The form's choice as the request's body: a known template's variables in order, its coupon when it has a copy-code button. */
export function broadcastBody(t: Template | null, name: string, language: string, variables: string[], coupon: string) {
  const needsCoupon = t?.buttons.some((b) => b.needs === 'coupon_code') ?? false;
  return {
    template: (t?.name ?? name).trim(),
    language: (t?.language ?? language).trim() || 'en',
    variables: t ? Array.from({ length: t.bodyVariables }, (_, i) => variables[i] ?? '') : variables,
    ...(needsCoupon || (!t && coupon.trim()) ? { couponCode: coupon.trim() } : {}),
  };
}

/** Meta's template list when WhatsApp is connected: pick an approved one and fill its variables. */
function TemplatePicker({ templates, value, onPick }: { templates: Template[]; value: Template | null; onPick: (t: Template | null) => void }) {
  const key = (t: Template) => `${t.name}|${t.language}`;
  return (
    <Select
      label="Template"
      placeholder="Pick an approved template"
      data={templates.map((t) => ({ value: key(t), label: `${t.name} (${t.language})${t.sendable ? '' : ` — ${t.status.toLowerCase()}`}`, disabled: !t.sendable }))}
      value={value ? key(value) : null}
      onChange={(v) => onPick(templates.find((t) => key(t) === v) ?? null)}
      searchable
    />
  );
}

/** An approved template to everyone in a segment (opted-out contacts skipped), then the delivery counts. */
export function BroadcastModal({ segment, timeZone, onClose }: { segment: Segment | null; timeZone: string; onClose: () => void }) {
  const client = useApiClient();
  const list = useApi('listBroadcasts');
  const known = useApi('listTemplates');
  const templates = known.data?.templates ?? [];
  const [picked, setPicked] = useState<Template | null>(null);
  const [template, setTemplate] = useState('');
  const [language, setLanguage] = useState('en');
  const [variables, setVariables] = useState<string[]>([]);
  const [coupon, setCoupon] = useState('');
  const [result, setResult] = useState<Broadcast>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const needsCoupon = picked?.buttons.some((b) => b.needs === 'coupon_code') ?? false;

  const pick = (t: Template | null) => {
    setPicked(t);
    setError(null);
    setVariables(t ? Array.from({ length: t.bodyVariables }, (_, i) => (i === 0 ? '{{name}}' : '')) : []);
    setCoupon(t?.buttons.find((b) => b.needs === 'coupon_code')?.example ?? '');
  };

  const send = async () => {
    if (!segment) return;
    const body = broadcastBody(picked, template, language, variables, coupon);
    if (!body.template) return setError(templates.length ? 'Pick an approved template' : 'Give the name of an approved template, e.g. diwali_offer');
    if (picked && body.variables.some((v) => !v.trim())) return setError(`Fill in all ${picked.bodyVariables} variables of ${picked.name}`);
    if (needsCoupon && !coupon.trim()) return setError(`${picked?.name ?? 'This template'} has a copy-code button: give the coupon code`);
    setBusy(true);
    setError(null);
    try {
      setResult(await client.call('broadcastToSegment', { params: { id: String(segment.id) }, body }));
      list.reload();
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Something went wrong.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} size="900px" title={segment ? `Send a template to ${segment.name}` : 'Broadcasts'}>
      <Stack gap="sm">
        {segment && !result ? (
          <>
            <Text size="sm" c="dimmed">
              {formatCount(segment.count)} contacts in this segment. Outside the 24-hour window WhatsApp allows only approved templates; messages go out through the
              outbox at the allowed rate, and contacts who opted out are skipped.
            </Text>
            {templates.length ? (
              <>
                <TemplatePicker templates={templates} value={picked} onPick={pick} />
                {picked ? (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} aria-label="Template text">
                    {picked.bodyText}
                  </Text>
                ) : null}
                {picked && picked.bodyVariables > 0 ? (
                  <Group grow align="flex-start">
                    {variables.map((v, i) => (
                      <TextInput
                        key={i}
                        label={`{{${i + 1}}}`}
                        description={i === 0 ? "{{name}} is each contact's first name" : (picked.bodyExamples[i] ? `e.g. ${picked.bodyExamples[i]}` : undefined)}
                        value={v}
                        onChange={(e) => {
                          const value = e.currentTarget.value;
                          setVariables((all) => all.map((x, k) => (k === i ? value : x)));
                        }}
                      />
                    ))}
                  </Group>
                ) : null}
                {needsCoupon ? <TextInput label="Coupon code" description="Shown on the copy-code button, up to 15 letters or digits" maxLength={15} value={coupon} onChange={(e) => setCoupon(e.currentTarget.value)} maw={260} /> : null}
              </>
            ) : (
              <>
                <Group grow align="flex-start">
                  <TextInput label="Template name" placeholder="diwali_offer" value={template} onChange={(e) => setTemplate(e.currentTarget.value)} />
                  <TextInput label="Language" value={language} onChange={(e) => setLanguage(e.currentTarget.value)} maw={120} />
                </Group>
                <TagsInput label="Body variables, in order" description="{{name}} is replaced by each contact's name" placeholder="{{name}}, 20% off" value={variables} onChange={setVariables} />
              </>
            )}
            {error ? (
              <Alert color="red" variant="light" role="alert">
                {error}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button leftSection={<IconSend size={16} />} loading={busy} onClick={() => void send()}>
                Send to {formatCount(segment.count)} contacts
              </Button>
            </Group>
          </>
        ) : null}
        {result ? (
          <Alert color="teal" variant="light" title={`“${result.template}” is on its way`} aria-label="Broadcast report">
            {formatCount(result.queued)} queued · {formatCount(result.skippedOptOut)} skipped (opted out) · {formatCount(result.skippedNoPhone)} skipped (no phone)
          </Alert>
        ) : null}
        <Title order={3} fz="h5">
          Broadcasts
        </Title>
        {list.data ? <BroadcastList broadcasts={list.data.broadcasts} timeZone={timeZone} /> : list.error ? <Text c="red" size="sm">{list.error instanceof Error ? list.error.message : 'Could not load'}</Text> : <Text size="sm" c="dimmed">Loading…</Text>}
      </Stack>
    </Modal>
  );
}
