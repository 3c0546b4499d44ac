import { useCallback, useEffect, useState } from 'react';
import { useApiClient } from './ApiContext';
import type { CallArgs } from './client';
import type { ApiName, ApiResponse } from './contracts';

export interface ApiState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Fetch again; keeps showing the current data meanwhile. */
  reload: () => void;
  /** Replace the data, e.g. with the answer to a save. */
  setData: (data: T) => void;
}

/** Loads one read operation when the component mounts (and again whenever its params change). */
export function useApi<N extends ApiName>(name: N, ...args: CallArgs<N>): ApiState<ApiResponse<N>> {
  const client = useApiClient();
  const [data, setData] = useState<ApiResponse<N>>();
  const [error, setError] = useState<unknown>();
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(args[0]?.params ?? null);
  // Loading until the request for the current name, params and generation has settled.
  const requestKey = `${name}|${key}|${generation}`;
  const [settledKey, setSettledKey] = useState<string>();

  useEffect(() => {
    const controller = new AbortController();
    const params = JSON.parse(key) as Record<string, string> | null;
    const options = { ...(params ? { params } : {}), signal: controller.signal } as unknown as CallArgs<N>[0];
    client
      .call(name, ...([options] as CallArgs<N>))
      .then((result) => {
        if (controller.signal.aborted) return;
        setData(result);
        setError(undefined);
      })
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setError(err);
      })
      .finally(() => {
        if (!controller.signal.aborted) setSettledKey(requestKey);
      });
    return () => controller.abort();
  }, [client, name, key, requestKey]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const replace = useCallback((next: ApiResponse<N>) => {
    setData(next);
    setError(undefined);
  }, []);
  return { data, error, loading: settledKey !== requestKey, reload, setData: replace };
}
