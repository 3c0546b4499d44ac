import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import { SEARCH_LIMIT_MAX, type SearchResult } from '../../api/contracts';

export const SEARCH_DEBOUNCE_MS = 350;

/**
 * Shopper-style search over the catalog, as the assistant would run it. Typing is debounced; an
 * empty box means "no search" (the whole catalog).
 */
export function useProductSearch() {
  const client = useApiClient();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), SEARCH_DEBOUNCE_MS);
  const [answer, setAnswer] = useState<{ q: string; result?: SearchResult; error?: unknown }>();

  useEffect(() => {
    if (!debounced) return;
    const controller = new AbortController();
    client
      .call('searchProducts', { query: { q: debounced, limit: SEARCH_LIMIT_MAX }, signal: controller.signal })
      .then((result) => setAnswer({ q: debounced, result }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setAnswer({ q: debounced, error });
      });
    return () => controller.abort();
  }, [client, debounced]);

  const active = query.trim() !== '';
  const current = active && answer?.q === debounced ? answer : undefined;
  return {
    query,
    setQuery,
    clear: () => setQuery(''),
    active,
    searching: active && (debounced !== query.trim() || answer?.q !== debounced),
    result: current?.result,
    error: current?.error,
  };
}
