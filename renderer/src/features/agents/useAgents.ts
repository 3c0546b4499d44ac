import { useCallback } from 'react';
import { useApi } from '../../api/useApi';
import { useLiveMessages } from '../../api/LiveContext';
import type { Agent } from '../../api/contracts';

/** The agents and the Skill Store's skills; another window's edits arrive live (`agents.changed`). */
export function useAgents() {
  const agents = useApi('listAgents');
  const skills = useApi('listSkills');
  const { data, setData } = agents;
  const list = data?.agents;

  useLiveMessages((message) => {
    if (message.type !== 'agents.changed' || !list) return;
    if (message.agent === null) setData({ agents: list.filter((a) => a.id !== message.agentId) });
    else agents.reload();
  });

  const replace = useCallback(
    (agent: Agent) => {
      if (!list) return;
      // Making one agent the default un-defaults the others.
      const others = list.map((a) => (agent.isDefault && a.id !== agent.id ? { ...a, isDefault: false } : a));
      setData({ agents: others.some((a) => a.id === agent.id) ? others.map((a) => (a.id === agent.id ? agent : a)) : [...others, agent] });
    },
    [list, setData],
  );
  const remove = useCallback((id: number) => list && setData({ agents: list.filter((a) => a.id !== id) }), [list, setData]);

  return { agents, skills, list: list ?? [], replace, remove };
}
