/**
 * skills — the Skill Store: each skill is a manifest (settings schema, tool definitions) and an
 * executor. The conversation engine runs tools through the registry; the agents domain uses it to
 * complete and check an agent's skill list; the Studio lists `info()`.
 */
export { createSkillRegistry } from './registry.js';
export { skillsRoutes } from './skills.routes.js';
export type { SkillDeps } from './define.js';
export type { SkillManifest, SkillCall, SkillContext, SkillResult, SkillRegistry, ToolDefinition } from './types.js';
export * from './tools.js';
export { factCheck, findRupeeAmounts, type FactCheck } from './facts.js';
export { storeInfo } from './store-info.skill.js';
export { DISCOUNT_HARD_CAP_PERCENT } from './upcoming.skills.js';
export { handoffSettings, HANDOFF_SKILL_ID, type HandoffConfig } from './handoff.skill.js';
