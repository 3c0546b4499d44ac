import { useState } from 'react';
import { useApiClient } from '../../api/ApiContext';
import { useLiveMessages } from '../../api/LiveContext';
import { useApi } from '../../api/useApi';
import { showProblem } from './problem';

export interface UrlChange {
  webhookUrl: string;
  previousUrl: string;
  time: string;
}

/** The tunnel's status, kept current by its live messages, and its start/stop/switch actions. */
export function useTunnel() {
  const client = useApiClient();
  const tunnel = useApi('getTunnel');
  const [busy, setBusy] = useState(false);
  const [urlChange, setUrlChange] = useState<UrlChange | null>(null);

  useLiveMessages((message) => {
    if (message.type === 'tunnel.state') tunnel.reload();
    if (message.type === 'tunnel.changed') {
      setUrlChange({ webhookUrl: message.webhookUrl, previousUrl: message.previousUrl, time: message.time });
      tunnel.reload();
    }
  });

  async function run(what: string, action: () => Promise<Parameters<typeof tunnel.setData>[0]>) {
    setBusy(true);
    try {
      tunnel.setData(await action());
    } catch (err) {
      showProblem(what, err);
    } finally {
      setBusy(false);
    }
  }

  return {
    ...tunnel,
    busy,
    urlChange,
    dismissUrlChange: () => setUrlChange(null),
    start: () => run('The tunnel did not start', () => client.call('startTunnel')),
    stop: () => run('The tunnel did not stop', () => client.call('stopTunnel')),
    setEnabled: (enabled: boolean) => run('The tunnel setting was not saved', () => client.call('putTunnelSettings', { body: { enabled } })),
  };
}
export type TunnelApi = ReturnType<typeof useTunnel>;
