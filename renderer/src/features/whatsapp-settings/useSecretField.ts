import { useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import { ApiClientError } from '../../api/client';
import type { SecretInfo, SecretName } from '../../api/contracts';
import { hideProblem, showProblem, showSaved } from './problem';

/** One secret's box: save what was pasted (then empty the box), or remove the stored one. */
export function useSecretField(name: SecretName, what: string, onChanged: (info: SecretInfo) => void) {
  const client = useApiClient();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<SecretInfo>, done: string) {
    hideProblem();
    setBusy(true);
    try {
      onChanged(await action());
      setValue('');
      setError(null);
      showSaved(done, `Revive shows only its last characters from now on.`);
    } catch (err) {
      if (err instanceof ApiClientError && err.fields.value) setError(err.fields.value);
      showProblem(`The ${what} was not changed`, err);
    } finally {
      setBusy(false);
    }
  }

  return {
    value,
    error,
    busy,
    onChange: (next: string) => {
      setValue(next);
      setError(null);
    },
    save: () => {
      if (!value.trim()) return setError(`Paste the ${what}`);
      void run(() => client.call('putSecret', { params: { name }, body: { value: value.trim() } }), `${what[0]?.toUpperCase()}${what.slice(1)} saved`);
    },
    remove: () => void run(() => client.call('deleteSecret', { params: { name } }), `${what[0]?.toUpperCase()}${what.slice(1)} removed`),
  };
}
