import { notifications } from '@mantine/notifications';
import { useCallback, useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import { useLiveMessages } from '../../api/LiveContext';
import { useApi } from '../../api/useApi';

/**
 * Where the Meta catalog stands: loaded once, reloaded when a sync starts or ends and when
 * products change (they turn pending); "Sync now" runs a full sync and shows its outcome.
 */
export function useCatalogSync() {
  const client = useApiClient();
  const state = useApi('getCatalogSync');
  const [syncing, setSyncing] = useState(false);
  const { reload, setData } = state;
  useLiveMessages((m) => {
    if (m.type === 'catalog.sync' || m.type === 'catalog.changed') reload();
  });
  const syncNow = useCallback(async () => {
    setSyncing(true);
    try {
      const { run, status } = await client.call('runCatalogSync', { body: { full: true } });
      setData(status);
      if (run.state === 'error') notifications.show({ color: 'red', title: 'The sync did not finish', message: run.error ?? 'Meta did not answer' });
    } catch (err) {
      notifications.show({ color: 'red', title: 'The sync did not run', message: err instanceof Error ? err.message : String(err) });
    } finally {
      setSyncing(false);
    }
  }, [client, setData]);
  return { ...state, syncing: syncing || Boolean(state.data?.running), syncNow };
}
