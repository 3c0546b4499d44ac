import { closestCenter, pointerWithin, type Announcements, type CollisionDetection, type KeyboardCoordinateGetter } from '@dnd-kit/core';
import type { AgentSkill, SkillInfo } from '../../api/contracts';

/** The two drop areas of the Skill Store. */
export type SkillArea = 'agent' | 'store';
export const AREA_LABELS: Record<SkillArea, string> = { agent: 'On this agent', store: 'Skill Store' };

/** Skills every agent has: it can always tell shoppers the store's hours and address. */
const LOCKED_SKILLS = new Set(['store_info']);

export function isLocked(skill: SkillInfo): boolean {
  return skill.alwaysOn === true || LOCKED_SKILLS.has(skill.id);
}

export function isEnabled(skill: SkillInfo, skills: AgentSkill[]): boolean {
  if (isLocked(skill)) return true;
  return skills.find((s) => s.id === skill.id)?.enabled ?? skill.defaultEnabled;
}

/** The agent's skill list with one skill switched; a skill the agent has no entry for gets its defaults. */
export function withSkill(skills: AgentSkill[], info: SkillInfo, change: Partial<Pick<AgentSkill, 'enabled' | 'config'>>): AgentSkill[] {
  const existing = skills.find((s) => s.id === info.id);
  if (!existing) return [...skills, { id: info.id, enabled: info.defaultEnabled, config: { ...info.defaultConfig }, ...change }];
  return skills.map((s) => (s.id === info.id ? { ...s, ...change } : s));
}

/** Pointer drags land on the area under the pointer; keyboard drags on the area the card was moved onto. */
export const skillCollision: CollisionDetection = (args) => {
  const within = pointerWithin(args);
  return within.length > 0 ? within : closestCenter(args);
};

/** Arrow keys jump a picked-up card straight onto an area: up/left "On this agent", down/right the Store. */
export const jumpToArea: KeyboardCoordinateGetter = (event, { context }) => {
  const target: SkillArea | null = ['ArrowDown', 'ArrowRight'].includes(event.code) ? 'store' : ['ArrowUp', 'ArrowLeft'].includes(event.code) ? 'agent' : null;
  if (!target) return undefined;
  event.preventDefault();
  const area = context.droppableRects.get(target);
  const card = context.collisionRect ?? context.draggingNodeRect;
  if (!area || !card) return undefined;
  return { x: area.left + area.width / 2 - card.width / 2, y: area.top + area.height / 2 - card.height / 2 };
};

export const DRAG_INSTRUCTIONS =
  'To move a skill, press space or enter on its handle, use the arrow keys to move it: up to "On this agent", down to the Skill Store. ' +
  'Press space or enter again to drop it, or escape to cancel. The switch on each card does the same.';

/** What a screen reader hears while a card moves; hovering its own area says nothing, so "Picked up" is heard. */
export function skillAnnouncements(nameOf: (id: string) => string, areaOf: (id: string) => SkillArea): Announcements {
  const area = (id: string | number | undefined) => (id === 'agent' || id === 'store' ? id : null);
  return {
    onDragStart: ({ active }) => `Picked up ${nameOf(String(active.id))}.`,
    onDragOver: ({ active, over }) => {
      const target = area(over?.id);
      if (target === areaOf(String(active.id))) return undefined;
      return target ? `${nameOf(String(active.id))} is over ${AREA_LABELS[target]}.` : `${nameOf(String(active.id))} is not over an area.`;
    },
    onDragEnd: ({ active, over }) => {
      const target = area(over?.id);
      if (!target) return `${nameOf(String(active.id))} was put back where it was.`;
      return target === areaOf(String(active.id)) ? `${nameOf(String(active.id))} stays in ${AREA_LABELS[target]}.` : `${nameOf(String(active.id))} dropped on ${AREA_LABELS[target]}.`;
    },
    onDragCancel: ({ active }) => `Moving ${nameOf(String(active.id))} was cancelled; it stays where it was.`,
  };
}
