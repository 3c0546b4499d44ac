import type { z } from 'zod';
import type { Agent, AgentSkill, Channel, Contact, SkillInfo, StoreProfile } from '../contracts/index.js';
import type { GraphMessage, Json } from '../whatsapp/index.js';
// brain/model.ts is a shared contract (the model interface), imported directly like contracts/.
// eslint-disable-next-line no-restricted-imports
import type { ToolDefinition } from '../brain/model.js';

export type { ToolDefinition };

/**
 * A skill: a manifest the Skill Store lists, a tool definition the model sees, and an executor
 * the code runs. The model may ask for a skill; the executor decides (caps, stock, limits).
 */
export interface SkillManifest<C extends z.ZodType = z.ZodType> {
  id: string;
  name: string;
  description: string;
  summary: string;
  icon: string;
  /** Settings, validated on save and before every run; `z.toJSONSchema` feeds the Studio's form. */
  configSchema: C;
  defaultEnabled: boolean;
  /** False for skills listed but not yet built (the store shows them greyed). */
  available: boolean;
  /** Built-in and always on for every agent (`store_info`): listed as on, not switchable. */
  alwaysOn?: boolean;
  /** The tools this skill gives the model (usually one). */
  tools: ToolDefinition[];
  execute(call: SkillCall<z.output<C>>): Promise<SkillResult> | SkillResult;
}

export interface SkillCall<Config> {
  tool: string;
  /** Parsed arguments (the loop rejects malformed JSON before this runs). */
  args: Record<string, unknown>;
  config: Config;
  ctx: SkillContext;
}

/** What a skill may know about the turn. Services come through `deps` given at registry build time. */
export interface SkillContext {
  agent: Agent;
  contact: Contact;
  store: StoreProfile;
  /** Recipient for outbound message builders: digits of the WhatsApp id, or the business-scoped user id. */
  to: string;
  /** The inbound message being answered (wamid), null for a follow-up. */
  inboundId: string | null;
  /**
   * Where the reply goes. Only `whatsapp` needs picture links Meta can fetch; the simulator and
   * `revive chat` show the store's own picture path. Absent means whatsapp.
   */
  channel?: Channel;
  /** Products already shown in this thread (SKUs, newest first), for "show more" and "the second one". */
  shownSkus: string[];
}

export interface SkillResult {
  /** Goes back to the model as the tool message (JSON). Facts only: the model must not invent beyond it. */
  result: Json;
  /** Messages to send, in order, before the model's final words (product lists, images, buttons). */
  messages?: GraphMessage[];
  /** One line for the Matrix: "7 products, ₹18,500–₹49,900". */
  summary: string;
  /** SKUs this call showed the shopper (remembered on the thread). */
  shownSkus?: string[];
  /** The skill asks the engine to hand the thread to a human (handoff skill, later). */
  handoff?: { reason: string };
}

/**
 * The Skill Store's registry (built by `createSkillRegistry` in ./index.ts). The conversation
 * engine asks it which tools an agent has and runs their calls; the agents domain asks it to
 * complete and validate an agent's skill list. `suggest_replies` and `handoff_to_human` are the
 * engine's own built-ins (they change the reply and the thread), not registry skills.
 */
export interface SkillRegistry {
  /** Every skill in Store order. */
  manifests(): SkillManifest[];
  /** The Studio's view of every skill (config schema as JSON Schema). */
  info(): SkillInfo[];
  /**
   * Completes an agent's list to every registry skill in Store order (missing ones at their
   * defaults), validates each config with its schema (DomainError 'validation' naming the skill
   * and field), drops unknown ids.
   */
  normalize(skills: AgentSkill[]): AgentSkill[];
  /** Tool definitions of the agent's enabled, available skills plus always-on `store_info`. */
  toolsFor(agent: Agent): ToolDefinition[];
  /** Runs one tool call for the agent. Unknown or disabled tool → DomainError('not_found'). Bad arguments → DomainError('validation'). */
  execute(tool: string, args: Record<string, unknown>, ctx: SkillContext): Promise<SkillResult>;
}
