import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useState } from 'react';
import { BrowserRouter } from 'react-router';
import { ApiProvider } from '../api/ApiContext';
import { createApiClient } from '../api/client';
import { LiveClient, liveUrl } from '../api/live';
import { LiveProvider } from '../api/LiveContext';
import { SessionMissing } from './SessionMissing';
import { Shell } from './Shell';
import { theme } from './theme';

export function App() {
  const [unauthorized, setUnauthorized] = useState(false);
  const [apiClient] = useState(() => createApiClient({ onUnauthorized: () => setUnauthorized(true) }));
  const [liveClient] = useState(() => new LiveClient({ url: liveUrl(window.location) }));

  return (
    <MantineProvider theme={theme} forceColorScheme="light">
      <Notifications position="top-right" />
      {unauthorized ? (
        <SessionMissing />
      ) : (
        <ApiProvider client={apiClient}>
          <LiveProvider client={liveClient}>
            <BrowserRouter>
              <Shell />
            </BrowserRouter>
          </LiveProvider>
        </ApiProvider>
      )}
    </MantineProvider>
  );
}
