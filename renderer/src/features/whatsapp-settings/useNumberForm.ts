import { useForm } from '@mantine/form';
import { useApiClient } from '../../api/ApiContext';
import { ApiClientError } from '../../api/client';
import { WhatsAppConnectionSchema, type WhatsAppConnection, type WhatsAppConnectionStatus } from '../../api/contracts';
import { zodFormValidator } from '../../ui/zodFormErrors';
import { hideProblem, showProblem } from './problem';

const validateSchema = zodFormValidator(WhatsAppConnectionSchema);

/**
 * Step 1's form: the ids from Meta's dashboard, checked with the shared schema, saved with PUT;
 * the server's field errors are shown at the fields. The phone number id is needed to go on,
 * unless an environment variable supplies it.
 */
export function useNumberForm(status: WhatsAppConnectionStatus, onSaved: (status: WhatsAppConnectionStatus) => void) {
  const client = useApiClient();
  const phoneFromEnv = status.overrides.some((o) => o.field === 'phoneNumberId');
  const form = useForm<WhatsAppConnection>({
    mode: 'controlled',
    initialValues: status.stored,
    validate: (values) => {
      const errors = validateSchema(values);
      if (!phoneFromEnv && !values.phoneNumberId.trim()) errors.phoneNumberId ??= 'Enter the phone number ID from Meta’s dashboard';
      return errors;
    },
    validateInputOnBlur: true,
    transformValues: (values) => WhatsAppConnectionSchema.parse(values),
  });

  const save = async (body: WhatsAppConnection) => {
    hideProblem();
    try {
      const saved = await client.call('putWhatsAppConnection', { body });
      form.setValues(saved.stored);
      form.resetDirty(saved.stored);
      onSaved(saved);
    } catch (err) {
      if (err instanceof ApiClientError && Object.keys(err.fields).length > 0) form.setErrors(err.fields);
      showProblem('The WhatsApp number was not saved', err);
    }
  };

  return { form, phoneFromEnv, onSubmit: form.onSubmit(save, () => showProblem('Some details need fixing', new Error('The fields marked in red explain what to change.'))) };
}
