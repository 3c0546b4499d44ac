import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { ApiProvider } from '../api/ApiContext';
import { createApiClient } from '../api/client';
import { LiveProvider } from '../api/LiveContext';
import type { LiveClient } from '../api/live';
import { theme } from '../app/theme';
import { render } from './dom';

/** Renders a screen with the app's providers around it, talking to the given fake fetch. */
export function renderScreen(ui: ReactNode, options: { fetch: typeof fetch; live?: LiveClient; path?: string }): HTMLElement {
  const client = createApiClient({ fetch: options.fetch });
  const routed = <MemoryRouter initialEntries={[options.path ?? '/']}>{ui}</MemoryRouter>;
  return render(
    <MantineProvider theme={theme}>
      <Notifications />
      <ApiProvider client={client}>{options.live ? <LiveProvider client={options.live}>{routed}</LiveProvider> : routed}</ApiProvider>
    </MantineProvider>,
  );
}
