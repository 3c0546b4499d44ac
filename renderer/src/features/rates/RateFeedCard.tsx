import { Alert, Button, Card, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import { ApiClientError } from '../../api/client';
import type { RateFeed } from '../../api/contracts';
import { formatDateTime } from '../../ui/format';

/** The feed the rates come from: its address, how often, "Fetch now", and how the last fetch went. Keyed by the saved settings. */
export function RateFeedCard({ feed, timeZone, onChanged }: { feed: RateFeed; timeZone: string; onChanged: () => void }) {
  const client = useApiClient();
  const [url, setUrl] = useState(feed.url ?? '');
  const [minutes, setMinutes] = useState<number | ''>(feed.intervalMinutes);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<'save' | 'fetch' | null>(null);

  const dirty = url.trim() !== (feed.url ?? '') || minutes !== feed.intervalMinutes;
  async function save() {
    setBusy('save');
    try {
      await client.call('setRateFeed', { body: { url: url.trim() === '' ? null : url.trim(), intervalMinutes: minutes === '' ? 60 : minutes } });
      setErrors({});
      notifications.show({ color: 'green', title: 'Feed saved', message: url.trim() ? 'Revive fetches it while it runs.' : 'The feed is off.' });
      onChanged();
    } catch (err) {
      setErrors(err instanceof ApiClientError && Object.keys(err.fields).length ? err.fields : { url: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(null);
    }
  }
  async function fetchNow() {
    setBusy('fetch');
    try {
      const r = await client.call('fetchRates', { body: {} });
      if (r.ok) notifications.show({ color: 'green', title: r.changed ? 'New rates fetched' : 'Rates unchanged', message: r.changed ? `${r.reprice?.repriced.length ?? 0} products repriced.` : 'The feed answered the rates already in use.' });
      onChanged();
    } catch (err) {
      notifications.show({ color: 'red', title: 'Could not fetch', message: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={3}>Rate feed</Title>
        <Text size="sm" c="dimmed">
          An address that answers JSON like {'{"gold24": 7850, "silver": 95, "platinum": 3200, "asOf": "2026-12-01T10:30:00+05:30"}'}. Answers outside sane ranges are refused and today&apos;s rates stay.
        </Text>
        <Group align="flex-start" grow>
          <TextInput label="Feed address" placeholder="https://rates.example.com/today.json" value={url} onChange={(e) => setUrl(e.currentTarget.value)} error={errors.url} style={{ flexGrow: 3 }} />
          <NumberInput label="Every (minutes)" min={5} max={1440} allowDecimal={false} value={minutes} onChange={(v) => setMinutes(typeof v === 'number' ? v : '')} error={errors.intervalMinutes} />
        </Group>
        {feed.lastError ? (
          <Alert color="red" title="Last fetch refused">
            {feed.lastError}
            {feed.lastFetchAt ? ` (${formatDateTime(feed.lastFetchAt, timeZone)})` : ''}
          </Alert>
        ) : feed.lastOkAt ? (
          <Text size="sm" c="teal">Last fetched {formatDateTime(feed.lastOkAt, timeZone)}.</Text>
        ) : feed.url ? (
          <Text size="sm" c="dimmed">Not fetched yet.</Text>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={() => void fetchNow()} loading={busy === 'fetch'} disabled={!feed.url || dirty}>
            Fetch now
          </Button>
          <Button onClick={() => void save()} loading={busy === 'save'} disabled={!dirty}>
            Save feed
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
