import { Chip, Group, Input, Slider, Stack, Text } from '@mantine/core';
import { followUpsAllowed, LANGUAGES, type Language } from '../../api/contracts';
import type { AgentFormApi } from './useAgentForm';

const FOLLOW_UPS = ['none', 'one', 'two'] as const;

interface SliderSpec {
  key: 'tone' | 'tenacity' | 'emoji' | 'length';
  label: string;
  low: string;
  high: string;
}

const SLIDERS: SliderSpec[] = [
  { key: 'tone', label: 'Tone', low: 'Strict', high: 'Casual' },
  { key: 'tenacity', label: 'Tenacity', low: 'Zen', high: 'Shark' },
  { key: 'emoji', label: 'Emoji', low: 'None', high: 'High' },
  { key: 'length', label: 'Response length', low: 'Concise', high: 'Detailed' },
];

const LANGUAGE_LABELS: Record<Language, string> = { english: 'English', hinglish: 'Hinglish', hindi: 'Hindi' };

/** The four persona sliders with their end labels. */
export function PersonaSliders({ form }: { form: AgentFormApi }) {
  const persona = form.values.persona;
  return (
    <Stack gap="sm">
      {SLIDERS.map((s) => (
        <div key={s.key}>
          <Group justify="space-between" mb={2}>
            <Text size="sm" fw={500}>
              {s.label}
            </Text>
            {s.key === 'tenacity' ? (
              <Text size="xs" c="dimmed">
                Follow-ups: {FOLLOW_UPS[followUpsAllowed(persona.tenacity)]}
              </Text>
            ) : null}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text size="xs" c="dimmed" w={56}>
              {s.low}
            </Text>
            <Slider
              style={{ flex: 1 }}
              thumbLabel={s.label}
              min={0}
              max={100}
              step={5}
              value={persona[s.key]}
              onChange={(v) => form.setFieldValue(`persona.${s.key}`, v)}
              label={(v) => `${v}`}
              color="gold"
            />
            <Text size="xs" c="dimmed" w={56} ta="right">
              {s.high}
            </Text>
          </Group>
        </div>
      ))}
    </Stack>
  );
}

/** The languages the agent may answer in, as chips. */
export function LanguageChips({ form }: { form: AgentFormApi }) {
  const persona = form.values.persona;
  const languagesError = form.errors['persona.languages'];
  return (
    <Stack gap="sm">
      <Input.Wrapper label="Languages" description="It answers in the shopper's language when it is one of these, else the first" error={languagesError}>
        <Chip.Group multiple value={persona.languages} onChange={(v) => form.setFieldValue('persona.languages', LANGUAGES.filter((l) => v.includes(l)))}>
          <Group gap="xs" mt={6} role="group" aria-label="Languages">
            {LANGUAGES.map((l) => (
              <Chip key={l} value={l} size="sm">
                {LANGUAGE_LABELS[l]}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Input.Wrapper>
    </Stack>
  );
}
