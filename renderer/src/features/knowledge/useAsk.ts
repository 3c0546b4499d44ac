import { useRef, useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import type { KnowledgeAnswer } from '../../api/contracts';

/** "Test a question": what the agent would find in the documents for it. */
export function useAsk() {
  const client = useApiClient();
  const [answer, setAnswer] = useState<{ question: string; result: KnowledgeAnswer } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const latest = useRef(0);

  const ask = async (question: string) => {
    const q = question.trim();
    if (!q) return setError('Type a question a shopper might ask.');
    const ticket = ++latest.current;
    setBusy(true);
    setError(null);
    try {
      const result = await client.call('askKnowledge', { body: { question: q, limit: 3 } });
      if (ticket === latest.current) setAnswer({ question: q, result });
    } catch (err) {
      if (ticket === latest.current) setError(err instanceof Error ? err.message : 'The question could not be tried.');
    } finally {
      if (ticket === latest.current) setBusy(false);
    }
  };
  return { answer, error, busy, ask };
}
