import { Button, Fieldset, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { StoreProfile } from '../../api/contracts';
import { OpeningHoursFields } from './OpeningHoursFields';
import { timeZoneOptions } from './timeZones';
import { useStoreProfileForm } from './useStoreProfileForm';

export function StoreProfileForm({ profile, onSaved }: { profile: StoreProfile; onSaved: (saved: StoreProfile) => void }) {
  const { form, onSubmit } = useStoreProfileForm(profile, onSaved);
  const field = form.getInputProps;

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Store profile">
      <Stack gap="lg" maw={880}>
        <Fieldset legend="Store">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Store name" withAsterisk autoComplete="organization" {...field('name')} />
            <TextInput label="Tagline" description="One line customers see under the name" {...field('tagline')} />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend="Contact">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Phone" withAsterisk type="tel" placeholder="+919876543210" description="International format, starting with +91" {...field('phone')} />
            <TextInput label="WhatsApp number" type="tel" placeholder="+919876543210" description="Leave empty if it is the same as the phone" {...field('whatsappNumber')} />
            <TextInput label="Email" type="email" placeholder="shop@example.in" {...field('email')} />
            <TextInput label="Website" type="url" placeholder="https://example.in" {...field('website')} />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend="Address">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Address line 1" withAsterisk {...field('address.line1')} />
            <TextInput label="Address line 2" {...field('address.line2')} />
            <TextInput label="City" withAsterisk {...field('address.city')} />
            <TextInput label="State" withAsterisk {...field('address.state')} />
            <TextInput label="PIN code" withAsterisk inputMode="numeric" maxLength={6} placeholder="400001" {...field('address.pincode')} />
            <TextInput label="Country" {...field('address.country')} />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend="Tax and region">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="GSTIN" placeholder="27AAPFU0939F1ZV" description="Leave empty if not registered" {...field('gstin')} />
            <NativeSelect label="Time zone" data={timeZoneOptions(form.values.timeZone)} {...field('timeZone')} />
            <TextInput label="Currency" value="INR (₹)" readOnly description="Revive prices everything in rupees" />
          </SimpleGrid>
        </Fieldset>

        <OpeningHoursFields form={form} />

        <Group justify="flex-end" gap="sm">
          <Button variant="default" disabled={!form.isDirty() || form.submitting} onClick={form.reset}>
            Discard changes
          </Button>
          <Button type="submit" loading={form.submitting}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
