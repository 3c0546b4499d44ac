import { Alert, CloseButton, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { CellProblem } from './useCellSaves';

/** Edits the server (or the shared rules) refused: the cell keeps its saved value and is marked red. */
export function UnsavedEdits({ problems, onDismiss }: { problems: CellProblem[]; onDismiss: (sku: string) => void }) {
  if (problems.length === 0) return null;
  return (
    <Alert color="red" variant="light" mb="sm" icon={<IconAlertTriangle />} title="Not saved — the cells keep their saved values" role="alert">
      <Stack gap={2}>
        {problems.map((p) => (
          <Group key={`${p.sku}-${p.field}`} gap="xs" wrap="nowrap">
            <Text size="sm">
              <Text span ff="monospace">{p.sku}</Text> · {p.label}: {p.message}
            </Text>
            <CloseButton size="sm" aria-label={`Dismiss ${p.sku} ${p.label}`} onClick={() => onDismiss(p.sku)} />
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
