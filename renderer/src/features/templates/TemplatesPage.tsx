import { Alert, Badge, Button, Card, Stack, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconRefresh, IconSend } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import type { Template } from '../../api/contracts';
import { useApi } from '../../api/useApi';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorState, LoadingState } from '../../ui/StatusStates';
import { SettingsTabs } from '../settings/SettingsTabs';
import { SendTemplateModal } from './SendTemplateModal';

export const STATUS_COLOR: Record<string, string> = { APPROVED: 'teal', PENDING: 'yellow', REJECTED: 'red', PAUSED: 'orange', DISABLED: 'gray' };

/** The body with its {{n}} shown as chips, so the owner sees what each variable fills. */
function BodyPreview({ text }: { text: string }) {
  const parts = text.split(/(\{\{\s*\d+\s*\}\})/g);
  return (
    <Text size="sm" lineClamp={3}>
      {parts.map((p, i) =>
        /^\{\{/.test(p) ? (
          <Badge key={i} size="xs" variant="light" color="indigo" mx={2} style={{ textTransform: 'none' }}>
            {p.replace(/\s/g, '')}
          </Badge>
        ) : (
          <span key={i}>{p}</span>
        ),
      )}
    </Text>
  );
}

function variablesOf(t: Template): string {
  const n = t.bodyVariables + t.headerVariables + t.buttons.filter((b) => b.needs).length;
  const extras = t.buttons.filter((b) => b.needs === 'coupon_code').length ? ' incl. a coupon code' : '';
  return n ? `${n}${extras}` : 'none';
}

/**
 * Settings → Templates: the message templates the store has at Meta, with their review status and
 * variables; approved ones can be sent to a contact (the only way to write after 24 hours).
 */
export function TemplatesPage() {
  const client = useApiClient();
  const list = useApi('listTemplates');
  const [refreshing, setRefreshing] = useState(false);
  const [refreshError, setRefreshError] = useState<unknown>(null);
  const [sending, setSending] = useState<Template | null>(null);
  const tried = useRef(false);

  const refresh = async () => {
    setRefreshing(true);
    try {
      list.setData(await client.call('refreshTemplates', { body: {} }));
      setRefreshError(null);
    } catch (err) {
      setRefreshError(err);
    } finally {
      setRefreshing(false);
    }
  };
  // Never listed on this computer yet: ask Meta once, on the first visit.
  useEffect(() => {
    if (list.data && list.data.fetchedAt === null && !tried.current) {
      tried.current = true;
      void refresh();
    }
  });

  const data = list.data;
  return (
    <>
      <SettingsTabs />
      <PageHeader
        title="Templates"
        description="Settings · Messages Meta has approved in advance: the only ones WhatsApp delivers when a shopper has not written for 24 hours."
        extra={
          <Button leftSection={<IconRefresh size={16} />} variant="light" loading={refreshing} onClick={() => void refresh()}>
            Refresh from Meta
          </Button>
        }
      />
      <Stack gap="md">
        {refreshError ? <ErrorState error={refreshError} title="The templates could not be listed from Meta" onRetry={() => void refresh()} /> : null}
        {!data ? (
          list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : <LoadingState label="Loading templates…" />
        ) : data.templates.length === 0 ? (
          <Alert variant="light" icon={<IconInfoCircle />} title="No templates yet">
            Create templates in WhatsApp Manager (Account tools → Message templates) and submit them for review; then press “Refresh from Meta”. Approved ones can be sent from here, with their variables.
          </Alert>
        ) : (
          <Card withBorder padding={0}>
            <Table verticalSpacing="sm" horizontalSpacing="md" striped aria-label="Message templates">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Template</Table.Th>
                  <Table.Th miw={130}>Status</Table.Th>
                  <Table.Th>Category</Table.Th>
                  <Table.Th w="40%">Message</Table.Th>
                  <Table.Th>Variables</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.templates.map((t) => (
                  <Table.Tr key={t.id}>
                    <Table.Td>
                      <Text fw={600} size="sm">{t.name}</Text>
                      <Text size="xs" c="dimmed">{t.language}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Tooltip label={t.refusal} disabled={!t.refusal} multiline w={260}>
                        <Badge color={STATUS_COLOR[t.status] ?? 'gray'} variant="light" styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}>
                          {t.status.toLowerCase()}
                        </Badge>
                      </Tooltip>
                    </Table.Td>
                    <Table.Td><Text size="sm">{t.category.toLowerCase()}</Text></Table.Td>
                    <Table.Td>
                      {t.headerText ? <Text size="sm" fw={600}>{t.headerText}</Text> : null}
                      <BodyPreview text={t.bodyText} />
                      {t.buttons.length ? <Text size="xs" c="dimmed" mt={4}>Buttons: {t.buttons.map((b) => b.text).join(' · ')}</Text> : null}
                    </Table.Td>
                    <Table.Td><Text size="sm">{variablesOf(t)}</Text></Table.Td>
                    <Table.Td>
                      <Tooltip label={t.refusal ?? ''} disabled={t.sendable} multiline w={260}>
                        <Button size="xs" variant="light" leftSection={<IconSend size={14} />} disabled={!t.sendable} onClick={() => setSending(t)} aria-label={`Send ${t.name}`}>
                          Send
                        </Button>
                      </Tooltip>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        )}
        {data?.fetchedAt ? <Text size="xs" c="dimmed">Listed from Meta {formatDateTime(data.fetchedAt)}</Text> : null}
      </Stack>
      {sending ? (
        <SendTemplateModal
          template={sending}
          onClose={() => setSending(null)}
          onSent={(to) => {
            setSending(null);
            notifications.show({ color: 'teal', title: `“${sending.name}” queued`, message: `It goes to ${to} through the outbox; its delivery shows in the Matrix.` });
          }}
        />
      ) : null}
    </>
  );
}
