import { Button, Card, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import { ApiClientError } from '../../api/client';
import { RATE_BOUNDS, RATE_KEYS, type MetalRates, type RateKey } from '../../api/contracts';
import { formatDateTime } from '../../ui/format';

type Draft = Record<RateKey, number | ''>;
const draftOf = (r: MetalRates | null): Draft => ({ gold24: r?.gold24 ?? '', silver: r?.silver ?? '', platinum: r?.platinum ?? '' });

/** Today's rates per gram, edited by hand; saving reprices every product priced by weight. Keyed by the rates' id, so new rates start a fresh form. */
export function TodayRatesCard({ rates, timeZone, onSaved }: { rates: MetalRates | null; timeZone: string; onSaved: () => void }) {
  const client = useApiClient();
  const [draft, setDraft] = useState<Draft>(draftOf(rates));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const changed = RATE_KEYS.some((k) => draft[k] !== (rates?.[k] ?? ''));
  async function save() {
    const body = Object.fromEntries(RATE_KEYS.filter((k) => draft[k] !== '' && draft[k] !== (rates?.[k] ?? '')).map((k) => [k, draft[k]]));
    setSaving(true);
    try {
      const r = await client.call('setRates', { body });
      setErrors({});
      const n = r.reprice.repriced.length;
      notifications.show({ color: 'green', title: 'Rates saved', message: `${n} product${n === 1 ? '' : 's'} repriced${r.reprice.skipped.length ? `; ${r.reprice.skipped.length} could not be priced by weight` : ''}.` });
      onSaved();
    } catch (err) {
      if (err instanceof ApiClientError) setErrors(Object.keys(err.fields).length ? err.fields : { gold24: err.message });
      else setErrors({ gold24: String(err) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={3}>Today&apos;s rates</Title>
          <Text size="sm" c="dimmed">
            {rates ? `as of ${formatDateTime(rates.asOf, timeZone)} · ${rates.source === 'feed' ? 'from the feed' : 'set by hand'}` : 'No rates yet: enter the 24K gold rate to price products by weight.'}
          </Text>
        </Group>
        <Group grow align="flex-start">
          {RATE_KEYS.map((k) => (
            <NumberInput
              key={k}
              label={`${RATE_BOUNDS[k].label} (₹ per gram)`}
              description={k === 'gold24' ? '999 fine; 22K, 18K and 14K follow by purity' : k === 'silver' ? '999 fine; sterling 925 follows' : 'Pure; Pt950 follows'}
              placeholder={`${RATE_BOUNDS[k].min}–${RATE_BOUNDS[k].max}`}
              value={draft[k]}
              onChange={(v) => setDraft((d) => ({ ...d, [k]: typeof v === 'number' ? v : v === '' ? '' : Number(v) }))}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=","
              thousandsGroupStyle="lakh"
              prefix="₹"
              error={errors[k]}
            />
          ))}
        </Group>
        <Group justify="flex-end">
          <Button onClick={() => void save()} loading={saving} disabled={!changed}>
            Save rates
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
