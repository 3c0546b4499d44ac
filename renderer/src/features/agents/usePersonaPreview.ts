import { useEffect, useRef, useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import type { Persona, PersonaPreview } from '../../api/contracts';

export const PREVIEW_DEBOUNCE_MS = 400;

/**
 * The sample reply for the persona being edited (unsaved), asked for once the sliders rest for a
 * moment. Answers can arrive out of order; only the newest request's answer is shown.
 */
export function usePersonaPreview(persona: Persona, name: string, message: string) {
  const client = useApiClient();
  const [preview, setPreview] = useState<PersonaPreview>();
  const [error, setError] = useState<unknown>();
  // Loading until the answer for the current persona and message has arrived.
  const [settledKey, setSettledKey] = useState<string>();
  const latest = useRef(0);
  const key = JSON.stringify({ persona, name: name.trim() || 'Aarav', message: message.trim() });

  useEffect(() => {
    const body = JSON.parse(key) as { persona: Persona; name: string; message: string };
    if (!body.message || body.persona.languages.length === 0) return;
    const request = ++latest.current;
    const timer = setTimeout(() => {
      client
        .call('previewPersona', { body })
        .then((answer) => {
          if (request !== latest.current) return;
          setPreview(answer);
          setError(undefined);
        })
        .catch((err: unknown) => {
          if (request === latest.current) setError(err);
        })
        .finally(() => {
          if (request === latest.current) setSettledKey(key);
        });
    }, PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [client, key]);

  return { preview, error, loading: settledKey !== key };
}
