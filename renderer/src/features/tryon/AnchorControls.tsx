import { Button, Group, Slider, Stack, Switch, Text } from '@mantine/core';
import type { TryOnAnchor } from '../../api/contracts';
import { percent } from './tryonUrls';

interface Props {
  anchor: TryOnAnchor;
  onChange: (anchor: TryOnAnchor) => void;
  onSave: () => void;
  onReset: () => void;
  saving: boolean;
  changed: boolean;
  isDefault: boolean;
}

function Row({ label, value, min, max, step, shown, onChange }: { label: string; value: number; min: number; max: number; step: number; shown: string; onChange: (v: number) => void }) {
  return (
    <div>
      <Group justify="space-between" mb={2}>
        <Text size="sm" fw={500} id={`tryon-${label}`}>
          {label}
        </Text>
        <Text size="sm" c="dimmed">
          {shown}
        </Text>
      </Group>
      <Slider aria-labelledby={`tryon-${label}`} value={value} min={min} max={max} step={step} onChange={onChange} label={null} color="gold" />
    </div>
  );
}

/** Where a category's pieces sit on every shopper's photo: across, down, size (sliders), and a mirrored pair for earrings. */
export function AnchorControls({ anchor, onChange, onSave, onReset, saving, changed, isDefault }: Props) {
  return (
    <Stack gap="sm">
      <Row label="Across" value={anchor.x} min={0} max={1} step={0.01} shown={`${percent(anchor.x)} from the left`} onChange={(x) => onChange({ ...anchor, x })} />
      <Row label="Down" value={anchor.y} min={0} max={1} step={0.01} shown={`${percent(anchor.y)} from the top`} onChange={(y) => onChange({ ...anchor, y })} />
      <Row label="Size" value={anchor.scale} min={0.02} max={1} step={0.01} shown={`${percent(anchor.scale)} of the photo's width`} onChange={(scale) => onChange({ ...anchor, scale })} />
      <Switch label="A mirrored pair (one at each ear)" checked={anchor.pair} onChange={(e) => onChange({ ...anchor, pair: e.currentTarget.checked })} color="gold" />
      <Group gap="xs">
        <Button onClick={onSave} loading={saving} disabled={!changed}>
          Save this spot
        </Button>
        <Button variant="subtle" color="gray" onClick={onReset} disabled={isDefault && !changed}>
          Back to the default
        </Button>
      </Group>
    </Stack>
  );
}
