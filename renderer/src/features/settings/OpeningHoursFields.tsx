import { Fieldset, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import type { Weekday } from '../../api/contracts';
import type { StoreProfileFormApi } from './useStoreProfileForm';

const dayNames: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

export function OpeningHoursFields({ form }: { form: StoreProfileFormApi }) {
  const hoursError = form.errors.hours;
  return (
    <Fieldset legend="Opening hours">
      <Stack gap="sm">
        {form.values.hours.map((hours, index) => {
          const day = dayNames[hours.day];
          return (
            <Group key={hours.day} align="flex-start" gap="md" wrap="wrap">
              <Text w={100} pt={6} fw={500}>
                {day}
              </Text>
              <Switch
                pt={8}
                w={110}
                label="Closed"
                aria-label={`${day} closed`}
                {...form.getInputProps(`hours.${index}.closed`, { type: 'checkbox' })}
              />
              <TextInput
                type="time"
                w={140}
                aria-label={`${day} opens`}
                placeholder="10:00"
                disabled={hours.closed}
                {...form.getInputProps(`hours.${index}.open`)}
              />
              <Text pt={6} c="dimmed">
                to
              </Text>
              <TextInput
                type="time"
                w={140}
                aria-label={`${day} closes`}
                placeholder="20:00"
                disabled={hours.closed}
                {...form.getInputProps(`hours.${index}.close`)}
              />
            </Group>
          );
        })}
        {hoursError ? (
          <Text c="red" size="sm" role="alert">
            {hoursError}
          </Text>
        ) : null}
      </Stack>
    </Fieldset>
  );
}
