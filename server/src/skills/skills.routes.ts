import { Router } from 'express';
import { api } from '../contracts/index.js';
import { route } from '../http/index.js';
import type { SkillRegistry } from './types.js';

/** The Skill Store's listing for the Studio: every skill, its settings schema and defaults. */
export function skillsRoutes(registry: Pick<SkillRegistry, 'info'>): Router {
  const r = Router();
  route(r, api.listSkills, () => ({ skills: registry.info() }));
  return r;
}
