import type { z } from 'zod';
import { DomainError } from '../shared/errors.js';
import type { SkillManifest } from './types.js';

/** Listed in the Skill Store, greyed: their settings are shown, their tools come with the Skill Store issue. */
export function upcoming<C extends z.ZodType>(m: Omit<SkillManifest<C>, 'defaultEnabled' | 'available' | 'tools' | 'execute'>): SkillManifest<C> {
  return {
    ...m,
    defaultEnabled: false,
    available: false,
    tools: [],
    execute() {
      throw new DomainError('not_found', `The ${m.name} skill is not available yet`);
    },
  };
}

/** The hard cap a discount can never pass, whatever an agent's settings say. */
export const DISCOUNT_HARD_CAP_PERCENT = 10;

export const upcomingSkills: SkillManifest[] = [
];
