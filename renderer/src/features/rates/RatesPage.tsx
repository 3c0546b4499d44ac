import { SimpleGrid, Stack } from '@mantine/core';
import { useState } from 'react';
import type { PricedProduct } from '../../api/contracts';
import { useApi } from '../../api/useApi';
import { DEFAULT_TIME_ZONE } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorState, LoadingState } from '../../ui/StatusStates';
import { PricedProducts } from './PricedProducts';
import { PricingModal } from './PricingModal';
import { RateFeedCard } from './RateFeedCard';
import { RateHistory } from './RateHistory';
import { TodayRatesCard } from './TodayRatesCard';
import { useRates } from './useRates';

/** The Gold rate screen: today's rates (by hand or from a feed), their history, and the products priced by weight. */
export function RatesPage() {
  const { state, history, products, error, reload } = useRates();
  const store = useApi('getStore');
  const timeZone = store.data?.timeZone ?? DEFAULT_TIME_ZONE;
  const [editing, setEditing] = useState<PricedProduct | null>(null);

  if (error && !state) return <ErrorState error={error} onRetry={reload} />;
  if (!state || !products) return <LoadingState label="Loading rates…" />;
  return (
    <Stack gap="lg">
      <PageHeader
        title="Gold rate"
        description="Today's rate per gram prices every product priced by weight: metal × rate × purity + making + stones + hallmark, + 3% GST. A rate change reprices the catalog and re-syncs it to WhatsApp."
      />
      <TodayRatesCard key={state.rates?.id ?? 0} rates={state.rates} timeZone={timeZone} onSaved={reload} />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <RateFeedCard key={`${state.feed.url ?? ''}|${state.feed.intervalMinutes}`} feed={state.feed} timeZone={timeZone} onChanged={reload} />
        <RateHistory history={history} timeZone={timeZone} />
      </SimpleGrid>
      <PricedProducts products={products} onEdit={setEditing} />
      {editing ? <PricingModal key={editing.sku} product={editing} onClose={() => setEditing(null)} onSaved={reload} /> : null}
    </Stack>
  );
}
