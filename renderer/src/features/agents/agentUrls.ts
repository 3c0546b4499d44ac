import type { Agent } from '../../api/contracts';

/** The agent's picture with the last change as a cache-buster, or null when it has none (initials are shown). */
export function avatarUrl(agent: Pick<Agent, 'avatar' | 'updatedAt'>): string | null {
  if (!agent.avatar) return null;
  const joiner = agent.avatar.url.includes('?') ? '&' : '?';
  return `${agent.avatar.url}${joiner}v=${encodeURIComponent(agent.updatedAt)}`;
}

/** "Aarav Sharma" → "AS". */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return (parts.length > 1 ? parts[0]![0]! + parts.at(-1)![0]! : (parts[0] ?? '?').slice(0, 2)).toUpperCase();
}
