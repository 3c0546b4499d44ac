import { useLiveMessages } from '../../api/LiveContext';
import { useApi } from '../../api/useApi';
import { DEFAULT_TIME_ZONE } from '../../ui/format';

/**
 * What the whole screen reads: the connection (stored, in force, mode), the secrets' hints and
 * where they are kept, and the store's time zone. Reloaded when any WhatsApp setting or secret
 * changes, here or elsewhere (the CLI, another window).
 */
export function useWhatsAppSettings() {
  const connection = useApi('getWhatsAppConnection');
  const secrets = useApi('listSecrets');
  const store = useApi('getStore');
  useLiveMessages((message) => {
    if (message.type !== 'settings.changed') return;
    if (message.key.startsWith('whatsapp.') || message.key.startsWith('secret.')) {
      connection.reload();
      secrets.reload();
    }
    if (message.key === 'store.profile') store.reload();
  });
  return { connection, secrets, timeZone: store.data?.timeZone ?? DEFAULT_TIME_ZONE };
}
export type WhatsAppSettings = ReturnType<typeof useWhatsAppSettings>;
