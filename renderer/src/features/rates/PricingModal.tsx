import { Alert, Button, Group, Modal, NumberInput, SegmentedControl, Stack, Switch, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import { ApiClientError } from '../../api/client';
import { DEFAULT_HALLMARK_FEE, type PricedProduct, type ProductPricing } from '../../api/contracts';
import { rupees } from './money';

const draftOf = (p: PricedProduct): ProductPricing => p.pricing ?? { pricedByWeight: true, making: { kind: 'percent', value: 0 }, stoneValue: 0, hallmarkFee: DEFAULT_HALLMARK_FEE };

/** The price as worked out with today's rate, part by part, adding up to the total. */
export function BreakupTable({ product }: { product: PricedProduct }) {
  const q = product.quote;
  if (!q?.breakup || !q.rate) return <Text size="sm" c="dimmed">{product.problem ? `Cannot be priced by weight: ${product.problem}.` : 'No worked-out price.'}</Text>;
  const b = q.breakup;
  const rows: [string, number][] = [
    [`Metal (${product.netWeightGrams ?? 0} g × ${rupees(q.rate.perGram)}/g × ${q.rate.purityFactor})`, b.metal],
    ['Making charges', b.making],
    ['Stones', b.stones],
    ['Hallmark (BIS HUID)', b.hallmark],
    ['GST 3%', b.gst],
  ];
  return (
    <Table aria-label="Price breakup">
      <Table.Tbody>
        {rows.map(([label, amount]) => (
          <Table.Tr key={label}>
            <Table.Td>{label}</Table.Td>
            <Table.Td ta="right">{rupees(amount)}</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Td fw={700}>Price</Table.Td>
          <Table.Td ta="right" fw={700}>{rupees(q.price)}</Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

/** One product's by-weight settings with the live worked-out price; saving writes the price to the catalog. */
export function PricingModal({ product, onClose, onSaved }: { product: PricedProduct; onClose: () => void; onSaved: () => void }) {
  const client = useApiClient();
  const [draft, setDraft] = useState<ProductPricing>(() => draftOf(product));
  const [preview, setPreview] = useState<PricedProduct>(product);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  // the live figure: the server works it out with the same function that prices the catalog
  useEffect(() => {
    const controller = new AbortController();
    const t = setTimeout(() => {
      client
        .call('previewPricing', { params: { sku: product.sku }, body: { ...draft, pricedByWeight: true }, signal: controller.signal })
        .then((p) => {
          setPreview(p);
          setErrors({});
        })
        .catch((err: unknown) => {
          if (!controller.signal.aborted && err instanceof ApiClientError) setErrors(err.fields);
        });
    }, 250);
    return () => {
      clearTimeout(t);
      controller.abort();
    };
  }, [client, product, draft]);

  const set = (patch: Partial<ProductPricing>) => setDraft({ ...draft, ...patch });
  const num = (v: string | number) => (typeof v === 'number' ? v : 0);

  async function save() {
    setSaving(true);
    try {
      const saved = await client.call('setPricing', { params: { sku: product.sku }, body: draft });
      notifications.show({ color: 'green', title: `${saved.sku} saved`, message: draft.pricedByWeight ? `Priced by weight: ${rupees(saved.price)} in the catalog.` : 'Keeps its catalog price.' });
      onSaved();
      onClose();
    } catch (err) {
      setErrors(err instanceof ApiClientError && Object.keys(err.fields).length ? err.fields : { pricedByWeight: err instanceof Error ? err.message : String(err) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={`${product.name} · ${product.sku}`} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {[product.purity, product.metal].filter(Boolean).join(' ')} · net {product.netWeightGrams ?? '—'} g · catalog price {rupees(product.price)}
        </Text>
        <Switch label="Price by weight (follows today's rate)" checked={draft.pricedByWeight} onChange={(e) => set({ pricedByWeight: e.currentTarget.checked })} error={errors.pricedByWeight} />
        <Group align="flex-end" grow>
          <Stack gap={4}>
            <Text size="sm" fw={500}>Making charge</Text>
            <SegmentedControl
              value={draft.making.kind}
              onChange={(kind) => set({ making: { kind: kind as 'per_gram' | 'percent', value: 0 } })}
              data={[{ value: 'percent', label: '% of metal' }, { value: 'per_gram', label: '₹ per gram' }]}
            />
          </Stack>
          <NumberInput
            label={draft.making.kind === 'percent' ? 'Percent' : 'Rupees per gram'}
            value={draft.making.value}
            onChange={(v) => set({ making: { ...draft.making, value: num(v) } })}
            allowNegative={false}
            decimalScale={draft.making.kind === 'percent' ? 2 : 0}
            suffix={draft.making.kind === 'percent' ? '%' : undefined}
            prefix={draft.making.kind === 'per_gram' ? '₹' : undefined}
            error={errors['making.value']}
          />
        </Group>
        <Group grow>
          <NumberInput label="Stone value (₹)" value={draft.stoneValue} onChange={(v) => set({ stoneValue: num(v) })} allowNegative={false} allowDecimal={false} thousandSeparator="," thousandsGroupStyle="lakh" error={errors.stoneValue} />
          <NumberInput label="Hallmark fee (₹)" description="BIS HUID: ₹45 an article" value={draft.hallmarkFee} onChange={(v) => set({ hallmarkFee: num(v) })} allowNegative={false} allowDecimal={false} error={errors.hallmarkFee} />
        </Group>
        {preview.problem ? <Alert color="yellow">Cannot be priced by weight: {preview.problem}.</Alert> : <BreakupTable product={preview} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={() => void save()} loading={saving}>Save</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
