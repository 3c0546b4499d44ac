import { useForm } from '@mantine/form';
import { useApiClient } from '../../api/ApiContext';
import { ApiClientError } from '../../api/client';
import type { SecretName, WhatsAppConnectionStatus } from '../../api/contracts';
import { hideProblem, showProblem } from './problem';

export const KEY_FIELDS = [
  { field: 'accessToken', name: 'whatsapp.accessToken', missing: 'Paste the access token from Meta' },
  { field: 'appSecret', name: 'whatsapp.appSecret', missing: 'Paste the app secret from Meta' },
] as const satisfies readonly { field: string; name: SecretName; missing: string }[];

type KeyValues = Record<(typeof KEY_FIELDS)[number]['field'], string>;

/**
 * Step 2's form: each pasted value is saved as its secret and the box emptied again — a stored
 * secret is never put back into a field. A box left empty keeps the secret already set.
 */
export function useKeysForm(status: WhatsAppConnectionStatus, onSaved: () => Promise<void> | void) {
  const client = useApiClient();
  const form = useForm<KeyValues>({
    mode: 'controlled',
    initialValues: { accessToken: '', appSecret: '' },
    validate: (values) => {
      const errors: Record<string, string> = {};
      for (const k of KEY_FIELDS) if (!values[k.field].trim() && !status.secrets[k.field].set) errors[k.field] = k.missing;
      return errors;
    },
  });

  const save = async (values: KeyValues) => {
    hideProblem();
    for (const k of KEY_FIELDS) {
      const value = values[k.field].trim();
      if (!value || status.secrets[k.field].source === 'env') continue;
      try {
        await client.call('putSecret', { params: { name: k.name }, body: { value } });
        form.setFieldValue(k.field, '');
      } catch (err) {
        if (err instanceof ApiClientError && err.fields.value) form.setFieldError(k.field, err.fields.value);
        showProblem('The keys were not saved', err);
        return;
      }
    }
    await onSaved();
  };

  return { form, onSubmit: form.onSubmit(save) };
}
