import { LineChart } from '@mantine/charts';
import { Box } from '@mantine/core';
import type { MetalRates } from '../../api/contracts';
import { formatDateTime } from '../../ui/format';
import { rupees } from './money';

const SHORT: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' };

/** The chart's points, oldest first: one per rate change, gold and silver per gram (null where not set). */
export function ratePoints(history: MetalRates[], timeZone: string): { at: string; gold24: number | null; silver: number | null }[] {
  return [...history].reverse().map((h) => ({ at: formatDateTime(h.asOf, timeZone, SHORT), gold24: h.gold24, silver: h.silver }));
}

/** Gold 24K (left axis) and silver (right axis) per gram over the last rate changes; nothing until there are two. */
export function RateChart({ history, timeZone }: { history: MetalRates[]; timeZone: string }) {
  const points = ratePoints(history, timeZone);
  if (points.filter((p) => p.gold24 !== null || p.silver !== null).length < 2) return null;
  const withSilver = points.some((p) => p.silver !== null);
  return (
    <Box role="img" aria-label={`Gold and silver rates over the last ${points.length} changes`} data-testid="rate-chart" mb="md">
      <LineChart
        h={220}
        data={points}
        dataKey="at"
        series={[
          { name: 'gold24', label: 'Gold 24K ₹/g', color: 'yellow.7' },
          ...(withSilver ? [{ name: 'silver', label: 'Silver ₹/g', color: 'gray.6', yAxisId: 'right' as const }] : []),
        ]}
        withRightYAxis={withSilver}
        withLegend
        connectNulls
        curveType="linear"
        valueFormatter={(v) => rupees(Math.round(v))}
        yAxisProps={{ domain: ['auto', 'auto'], width: 80 }}
        rightYAxisProps={{ domain: ['auto', 'auto'], width: 70 }}
        tickLine="y"
      />
    </Box>
  );
}
