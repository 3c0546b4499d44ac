import { useLiveMessages } from '../../api/LiveContext';
import { useApi } from '../../api/useApi';

/** Health and store profile for the Home screen, refreshed whenever a setting changes. */
export function useHomeData() {
  const health = useApi('health');
  const store = useApi('getStore');
  useLiveMessages((message) => {
    if (message.type !== 'settings.changed') return;
    health.reload();
    store.reload();
  });
  return { health, store };
}
