import { Button, Group, Modal, MultiSelect, NumberInput, Select, Stack, Switch, TagsInput, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { SkillInfo } from '../../api/contracts';
import { configErrors, configFields, initialConfig, type ConfigField } from './configFields';

/** A skill's settings as a form generated from its schema; applied to the agent being edited (saved with it). */
export function SkillSettingsModal({
  skill,
  config,
  onApply,
  onClose,
}: {
  skill: SkillInfo;
  config: Record<string, unknown>;
  onApply: (config: Record<string, unknown>) => void;
  onClose: () => void;
}) {
  const fields = configFields(skill.configSchema);
  const [values, setValues] = useState(() => initialConfig(fields, skill.defaultConfig, config));
  const errors = configErrors(fields, values);
  const set = (key: string, value: unknown) => setValues((v) => ({ ...v, [key]: value }));

  const input = (f: ConfigField) => {
    const common = { label: f.label, description: f.description, error: errors[f.key] };
    switch (f.kind) {
      case 'integer':
      case 'number':
        return (
          <NumberInput
            key={f.key}
            {...common}
            min={f.min}
            max={f.max}
            allowDecimal={f.kind === 'number'}
            value={typeof values[f.key] === 'number' ? (values[f.key] as number) : ''}
            onChange={(v) => set(f.key, v === '' ? undefined : Number(v))}
          />
        );
      case 'boolean':
        return <Switch key={f.key} label={f.label} description={f.description} checked={values[f.key] === true} onChange={(e) => set(f.key, e.currentTarget.checked)} />;
      case 'enum':
        return <Select key={f.key} {...common} data={f.options ?? []} allowDeselect={false} value={String(values[f.key] ?? '')} onChange={(v) => set(f.key, v)} />;
      case 'list': {
        const list = Array.isArray(values[f.key]) ? (values[f.key] as unknown[]).map(String) : [];
        return f.options ? (
          <MultiSelect key={f.key} {...common} data={f.options} value={list} onChange={(v) => set(f.key, v)} searchable />
        ) : (
          <TagsInput key={f.key} {...common} value={list} onChange={(v) => set(f.key, v)} />
        );
      }
      case 'string':
        return <TextInput key={f.key} {...common} value={String(values[f.key] ?? '')} onChange={(e) => set(f.key, e.currentTarget.value)} />;
    }
  };

  return (
    <Modal opened onClose={onClose} title={`${skill.name} · settings`}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {skill.description}
        </Text>
        {fields.length === 0 ? <Text size="sm">This skill has no settings.</Text> : fields.map(input)}
        <Group justify="space-between">
          <Button variant="subtle" onClick={() => setValues(initialConfig(fields, skill.defaultConfig, {}))}>
            Reset to defaults
          </Button>
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button
              disabled={Object.keys(errors).length > 0}
              onClick={() => {
                // Settings the form cannot show (a map of caps per category) are kept as they were.
                onApply({ ...config, ...values });
                onClose();
              }}
            >
              Apply
            </Button>
          </Group>
        </Group>
        <Text size="xs" c="dimmed">
          Applied settings are saved with the agent.
        </Text>
      </Stack>
    </Modal>
  );
}
