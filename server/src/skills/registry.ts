import { z } from 'zod';
import type { Agent, AgentSkill, SkillInfo } from '../contracts/index.js';
import { DomainError } from '../shared/errors.js';
import { appointmentSkill } from './appointment.skill.js';
import { catalogSearchSkill } from './catalog-search.skill.js';
import { describeIssues, type SkillDeps } from './define.js';
import { discountSkill } from './discount.skill.js';
import { handoffSkill } from './handoff.skill.js';
import { knowledgeSkill } from './knowledge.skill.js';
import { priceBreakupSkill } from './price-breakup.skill.js';
import { sendProductsSkill } from './send-products.skill.js';
import { storeInfoSkill } from './store-info.skill.js';
import { tryOnSkill } from './tryon.skill.js';
import type { SkillManifest, SkillRegistry } from './types.js';
import { upcomingSkills } from './upcoming.skills.js';

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _schema, ...rest } = z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>;
  return rest;
}

/** A skill's settings checked by its schema; errors name the skill and the field ("Send products: maxProducts: At most 30"). */
function checkConfig(skill: SkillManifest, config: unknown): Record<string, unknown> {
  const parsed = skill.configSchema.safeParse(config ?? {});
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const fields: Record<string, string> = {};
  for (const i of parsed.error.issues) fields[['skills', skill.id, ...i.path.map(String)].join('.')] ??= i.message;
  throw new DomainError('validation', `${skill.name} settings: ${describeIssues(parsed.error.issues)}`, fields);
}

/**
 * The Skill Store: every skill in Store order (the first skills, the built-in store_info, then the
 * skills a later release brings, greyed). Agents keep one entry per skill; this completes, checks
 * and runs them.
 */
export function createSkillRegistry(deps: SkillDeps): SkillRegistry {
  const skills: SkillManifest[] = [catalogSearchSkill(deps), sendProductsSkill(deps), storeInfoSkill(deps.now ?? (() => new Date())), ...(deps.pricing ? [priceBreakupSkill(deps)] : []), knowledgeSkill(deps), appointmentSkill(deps.appointments), discountSkill(deps), tryOnSkill(deps), ...upcomingSkills, handoffSkill];
  const byTool = new Map<string, SkillManifest>();
  for (const s of skills) for (const t of s.tools) byTool.set(t.name, s);
  const defaults = new Map(skills.map((s) => [s.id, checkConfig(s, {})]));

  const entry = (agent: Agent, skill: SkillManifest) => agent.skills.find((s) => s.id === skill.id);
  function enabled(agent: Agent, skill: SkillManifest): boolean {
    if (!skill.available) return false;
    return skill.alwaysOn === true || (entry(agent, skill)?.enabled ?? skill.defaultEnabled);
  }

  return {
    manifests: () => [...skills],

    info(): SkillInfo[] {
      return skills.map((s) => ({
        id: s.id,
        name: s.name,
        description: s.description,
        summary: s.summary,
        icon: s.icon,
        configSchema: jsonSchema(s.configSchema),
        defaultConfig: { ...defaults.get(s.id) },
        defaultEnabled: s.defaultEnabled,
        available: s.available,
        ...(s.alwaysOn ? { alwaysOn: true } : {}),
      }));
    },

    normalize(given: AgentSkill[]): AgentSkill[] {
      return skills.map((s) => {
        const mine = given.find((g) => g.id === s.id);
        const on = !s.available ? false : s.alwaysOn ? true : (mine?.enabled ?? s.defaultEnabled);
        return { id: s.id, enabled: on, config: mine ? checkConfig(s, mine.config) : { ...defaults.get(s.id) } };
      });
    },

    toolsFor(agent: Agent) {
      return skills.filter((s) => enabled(agent, s)).flatMap((s) => s.tools);
    },

    async execute(tool, args, ctx) {
      const skill = byTool.get(tool);
      if (!skill) throw new DomainError('not_found', `There is no tool "${tool}"; use one of: ${[...byTool.keys()].join(', ')}`);
      if (!enabled(ctx.agent, skill)) throw new DomainError('not_found', `${tool} is not available: the ${skill.name} skill is switched off for ${ctx.agent.name}`);
      const config = checkConfig(skill, entry(ctx.agent, skill)?.config ?? {});
      return await skill.execute({ tool, args, config, ctx });
    },
  };
}
