import { Badge, Drawer, Group, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import type { ContactDetail } from '../../api/contracts';
import { useApi } from '../../api/useApi';
import { formatDateTime } from '../../ui/format';
import { ErrorState, LoadingState } from '../../ui/StatusStates';
import { formatRupees } from '../products/money';
import { CONTACT_FIELD_LABELS, displayName, formatDay, formatDayOfYear, formatPhone, formatRelative, hashTag, OPT_IN_LABELS, SOURCE_LABELS, type ContactField } from './contactFormat';
import { ContactThread } from './ContactThread';

const TAG_SOURCES = { manual: 'Added by you', import: 'From an import', auto: 'Given automatically' } as const;
const MERGE_VIA = { import: 'an import', whatsapp: 'WhatsApp', manual: 'you' } as const;

/** "Given automatically because they asked 'diamond ring under 50k'". */
export function tagReason(t: ContactDetail['tagDetails'][number]): string {
  const base = TAG_SOURCES[t.source];
  return t.reason ? `${base} because ${t.reason}` : base;
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value || '—'}</Text>
    </div>
  );
}

function Details({ c, timeZone }: { c: ContactDetail; timeZone: string }) {
  const fieldLabel = (f: string) => CONTACT_FIELD_LABELS[f as ContactField] ?? f;
  return (
    <Stack gap="md">
      <SimpleGrid cols={2} spacing="sm">
        <Fact label="Phone" value={formatPhone(c.phone)} />
        <Fact label="Email" value={c.email ?? ''} />
        <Fact label="City" value={c.city ?? ''} />
        <Fact label="Opt-in" value={OPT_IN_LABELS[c.optIn]} />
        <Fact label="Total spend" value={formatRupees(c.totalSpend)} />
        <Fact label="Last purchase" value={formatDay(c.lastPurchaseAt, timeZone)} />
        <Fact label="Last message" value={c.lastMessageAt ? `${formatRelative(c.lastMessageAt)} (${formatDateTime(c.lastMessageAt, timeZone)})` : ''} />
        <Fact label="Messages sent" value={String(c.messageCount)} />
        <Fact label="Birthday" value={formatDayOfYear(c.birthday)} />
        <Fact label="Anniversary" value={formatDayOfYear(c.anniversary)} />
        <Fact label="Source" value={SOURCE_LABELS[c.source]} />
        <Fact label="Reply window" value={c.windowOpen && c.windowOpenUntil ? `Open until ${formatDateTime(c.windowOpenUntil, timeZone)}` : 'Closed: templates only'} />
        {Object.entries(c.custom).map(([k, v]) => (
          <Fact key={k} label={k} value={v} />
        ))}
      </SimpleGrid>
      {c.notes ? <Fact label="Notes" value={c.notes} /> : null}

      <div>
        <Title order={3} fz="h5" mb={6}>
          Tags
        </Title>
        {c.tagDetails.length === 0 ? <Text size="sm" c="dimmed">No tags yet.</Text> : null}
        <Stack gap={6} aria-label="Tag reasons">
          {c.tagDetails.map((t) => (
            <Group key={t.tag} gap="xs" wrap="nowrap" align="flex-start">
              <Badge variant="light" color="gold" tt="none" radius="sm" style={{ flexShrink: 0 }}>
                {hashTag(t.tag)}
              </Badge>
              <Text size="sm">
                {tagReason(t)}{' '}
                <Text span size="xs" c="dimmed">
                  · {formatDateTime(t.at, timeZone)}
                </Text>
              </Text>
            </Group>
          ))}
        </Stack>
      </div>

      {c.merges.length > 0 ? (
        <div>
          <Title order={3} fz="h5" mb={6}>
            Merged duplicates
          </Title>
          <Timeline bulletSize={14} lineWidth={2} aria-label="Merge history">
            {c.merges.map((m) => (
              <Timeline.Item key={`${m.at}-${m.mergedContactId}`} title={`Merged contact #${m.mergedContactId} through ${MERGE_VIA[m.via]}`}>
                <Text size="xs" c="dimmed">
                  {formatDateTime(m.at, timeZone)}
                  {m.fields.length ? ` · took ${m.fields.map(fieldLabel).join(', ')}` : ''}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        </div>
      ) : null}

      <div>
        <Title order={3} fz="h5" mb={6}>
          Conversation
        </Title>
        <ContactThread contactId={c.id} />
      </div>
    </Stack>
  );
}

/** One contact: everything the store knows, why each tag was given, merges, and the conversation. */
export function ContactDrawer({ contactId, timeZone, onClose }: { contactId: number; timeZone: string; onClose: () => void }) {
  const detail = useApi('getContact', { params: { id: String(contactId) } });
  return (
    <Drawer opened onClose={onClose} position="right" size="lg" title={detail.data ? displayName(detail.data) : 'Contact'}>
      {detail.data ? <Details c={detail.data} timeZone={timeZone} /> : detail.error ? <ErrorState error={detail.error} onRetry={detail.reload} /> : <LoadingState label="Loading the contact…" />}
    </Drawer>
  );
}
