import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useApiClient } from '../../api/ApiContext';
import { ApiClientError } from '../../api/client';
import { StoreProfileSchema, type StoreProfile } from '../../api/contracts';
import { zodFormValidator } from '../../ui/zodFormErrors';

const validate = zodFormValidator(StoreProfileSchema);
const PROBLEM_ID = 'store-profile-problem';

/** One problem notice at a time: a newer one replaces the last. */
function showProblem(title: string, message: string) {
  notifications.hide(PROBLEM_ID);
  notifications.show({ id: PROBLEM_ID, color: 'red', title, message });
}

/** The store profile form: client checks with the shared schema, save via PUT, server field errors shown in place. */
export function useStoreProfileForm(profile: StoreProfile, onSaved: (saved: StoreProfile) => void) {
  const client = useApiClient();
  const form = useForm<StoreProfile>({
    mode: 'controlled',
    initialValues: profile,
    validate,
    validateInputOnBlur: true,
    // Validation has already passed when this runs, so parse only trims and fills defaults.
    transformValues: (values) => StoreProfileSchema.parse(values),
  });

  const save = async (body: StoreProfile) => {
    notifications.hide(PROBLEM_ID);
    try {
      const saved = await client.call('putStore', { body });
      form.setInitialValues(saved);
      form.setValues(saved);
      form.resetDirty(saved);
      onSaved(saved);
      notifications.show({ color: 'teal', title: 'Store profile saved', message: 'Customers will see the new details from now on.' });
    } catch (err) {
      if (err instanceof ApiClientError && Object.keys(err.fields).length > 0) form.setErrors(err.fields);
      showProblem('The store profile was not saved', err instanceof Error ? err.message : 'Something went wrong.');
    }
  };

  const invalid = () => showProblem('Some details need fixing', 'The fields marked in red explain what to change.');

  return { form, onSubmit: form.onSubmit(save, invalid) };
}

export type StoreProfileFormApi = ReturnType<typeof useStoreProfileForm>['form'];
