import { notifications } from '@mantine/notifications';
import { useApiClient } from '../../api/ApiContext';
import type { Agent } from '../../api/contracts';
import type { AgentAction } from './AgentList';

const DONE: Record<Exclude<AgentAction, 'delete'>, (a: Agent) => string> = {
  clone: (a) => `${a.name} created as a copy`,
  pause: (a) => `${a.name} is paused`,
  resume: (a) => `${a.name} answers shoppers again`,
  default: (a) => `${a.name} now answers your WhatsApp number`,
};

/** Clone, pause, resume and make default: each answers with the changed (or new) agent. */
export function useAgentActions(onChanged: (agent: Agent, action: AgentAction) => void) {
  const client = useApiClient();
  return async (agent: Agent, action: Exclude<AgentAction, 'delete'>) => {
    const params = { id: String(agent.id) };
    try {
      const changed =
        action === 'clone'
          ? await client.call('cloneAgent', { params, body: {} })
          : action === 'pause'
            ? await client.call('pauseAgent', { params, body: {} })
            : action === 'resume'
              ? await client.call('resumeAgent', { params, body: {} })
              : await client.call('makeDefaultAgent', { params, body: {} });
      onChanged(changed, action);
      notifications.show({ color: 'teal', title: DONE[action](changed), message: '' });
    } catch (err) {
      notifications.show({ color: 'red', title: `${agent.name}: not done`, message: err instanceof Error ? err.message : 'Something went wrong.' });
    }
  };
}
