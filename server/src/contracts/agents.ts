import { z } from 'zod';

/**
 * Agents (agents domain): who talks to shoppers, with which persona and skills.
 *
 * Persona sliders are integers 0…100. Tone: 0 strict (formal "aap", no slang) … 100 casual.
 * Tenacity: 0 Zen (never pushes, never follows up) … 100 Shark (always steers to a visit or an
 * order; follows up twice). Emoji: 0 none … 100 high. Length: 0 concise … 100 detailed.
 */
export const Slider = z.number().int().min(0).max(100);

export const LANGUAGES = ['english', 'hinglish', 'hindi'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

export const PersonaSchema = z.object({
  tone: Slider.default(50),
  tenacity: Slider.default(50),
  emoji: Slider.default(30),
  length: Slider.default(40),
  /** Languages the agent may answer in; it answers in the shopper's language when it is one of these, else the first. */
  languages: z.array(LanguageSchema).min(1, 'Pick at least one language').default(['english', 'hinglish']),
  /** The owner's own words, appended to the system instructions ("Always mention free cleaning"). */
  instructions: z.string().trim().max(2000).default(''),
});
export type Persona = z.infer<typeof PersonaSchema>;
export type PersonaInput = z.input<typeof PersonaSchema>;

/** Follow-ups a tenacity allows inside the 24-hour window: Zen never, Shark up to twice. */
export function followUpsAllowed(tenacity: number): number {
  if (tenacity < 34) return 0;
  if (tenacity < 67) return 1;
  return 2;
}

export const AGENT_STATUSES = ['active', 'paused'] as const;
export const AgentStatusSchema = z.enum(AGENT_STATUSES);
export type AgentStatus = z.infer<typeof AgentStatusSchema>;

/** One skill as an agent has it: on or off, and its settings (validated by the skill's own config schema). */
export const AgentSkillSchema = z.object({
  id: z.string().min(1),
  enabled: z.boolean(),
  config: z.record(z.string(), z.unknown()).default({}),
});
export type AgentSkill = z.infer<typeof AgentSkillSchema>;

export const AvatarSchema = z.object({
  /** upload: the owner's picture; generated: an image-generation provider; illustrated: DiceBear seeded by the description. */
  kind: z.enum(['upload', 'generated', 'illustrated']),
  /** Admin-API URL of the square picture (PNG or SVG). */
  url: z.string(),
  /** The description it was generated from, if any. */
  description: z.string().nullable(),
});
export type Avatar = z.infer<typeof AvatarSchema>;

export const AgentSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  /** What it is for, e.g. "Sales" or "After-sales"; shown under the name. */
  role: z.string(),
  avatar: AvatarSchema.nullable(),
  persona: PersonaSchema,
  /** Every skill in the registry, in the order the registry lists them, with this agent's switch and settings. */
  skills: z.array(AgentSkillSchema),
  /** Knowledge source ids this agent may answer from; empty means all of the store's sources. */
  knowledgeSources: z.array(z.number().int()),
  status: AgentStatusSchema,
  /** The agent that answers the store's WhatsApp number. Exactly one agent is the default. */
  isDefault: z.boolean(),
  /** When paused, what the next shopper message gets: the store's away message, or the Inbox (a human). */
  whenPaused: z.enum(['away_message', 'inbox']),
  awayMessage: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Agent = z.infer<typeof AgentSchema>;

const NameSchema = z.string().trim().min(2, 'Give the agent a name of at least 2 letters').max(60);

export const AgentCreateSchema = z.object({
  name: NameSchema,
  role: z.string().trim().max(60).default(''),
  persona: PersonaSchema.default(PersonaSchema.parse({})),
  skills: z.array(AgentSkillSchema).optional(),
  knowledgeSources: z.array(z.number().int()).default([]),
  whenPaused: z.enum(['away_message', 'inbox']).default('away_message'),
  awayMessage: z.string().trim().max(1024).default(''),
});
export type AgentCreate = z.input<typeof AgentCreateSchema>;

export const AgentPatchSchema = z
  .object({
    name: NameSchema,
    role: z.string().trim().max(60),
    persona: PersonaSchema,
    skills: z.array(AgentSkillSchema),
    knowledgeSources: z.array(z.number().int()),
    whenPaused: z.enum(['away_message', 'inbox']),
    awayMessage: z.string().trim().max(1024),
  })
  .partial();
export type AgentPatch = z.input<typeof AgentPatchSchema>;

export const AgentListSchema = z.object({ agents: z.array(AgentSchema) });
export type AgentList = z.infer<typeof AgentListSchema>;

/** A skill in the Skill Store, as the Studio lists it. `configSchema` is JSON Schema for the settings form. */
export const SkillInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  /** Short line on the card. */
  summary: z.string(),
  /** Tabler icon name, e.g. "search", "photo". */
  icon: z.string(),
  configSchema: z.record(z.string(), z.unknown()),
  defaultConfig: z.record(z.string(), z.unknown()),
  /** On for a new agent. */
  defaultEnabled: z.boolean(),
  /** False for skills a later release brings (shown greyed in the store). */
  available: z.boolean(),
  /** Built-in and on for every agent (store_info): shown as on, without a switch. */
  alwaysOn: z.boolean().optional(),
});
export type SkillInfo = z.infer<typeof SkillInfoSchema>;
export const SkillListSchema = z.object({ skills: z.array(SkillInfoSchema) });

/** The persona as instructions, and a sample reply to a sample shopper message (the sliders' live preview). */
export const PersonaPreviewRequestSchema = z.object({
  persona: PersonaSchema,
  name: z.string().trim().min(1).max(60).default('Aarav'),
  message: z.string().trim().min(1).max(500).default('Hi, do you have gold bangles under 50k?'),
});
export const PersonaPreviewSchema = z.object({
  instructions: z.string(),
  /** The offline brain's reply texts for the message, in this persona, against the real catalog. */
  replies: z.array(z.string()),
  /** The same replies as Cloud API message objects, for drawing them as WhatsApp would. */
  messages: z.array(z.record(z.string(), z.unknown())).default([]),
});
export type PersonaPreview = z.infer<typeof PersonaPreviewSchema>;

export const AvatarGenerateSchema = z.object({ description: z.string().trim().min(3, 'Describe the face, e.g. "Professional Indian saleswoman in a saree"').max(300) });

export const agentsApi = {
  listAgents: { method: 'GET', path: '/api/agents', request: z.void(), response: AgentListSchema },
  getAgent: { method: 'GET', path: '/api/agents/:id', request: z.void(), response: AgentSchema },
  createAgent: { method: 'POST', path: '/api/agents', request: AgentCreateSchema, response: AgentSchema },
  updateAgent: { method: 'PATCH', path: '/api/agents/:id', request: AgentPatchSchema, response: AgentSchema },
  deleteAgent: { method: 'DELETE', path: '/api/agents/:id', request: z.void(), response: z.object({ deleted: z.number().int() }) },
  cloneAgent: { method: 'POST', path: '/api/agents/:id/clone', request: z.object({ name: NameSchema.optional() }).default({}), response: AgentSchema },
  pauseAgent: { method: 'POST', path: '/api/agents/:id/pause', request: z.object({}).default({}), response: AgentSchema },
  resumeAgent: { method: 'POST', path: '/api/agents/:id/resume', request: z.object({}).default({}), response: AgentSchema },
  makeDefaultAgent: { method: 'POST', path: '/api/agents/:id/default', request: z.object({}).default({}), response: AgentSchema },
  generateAvatar: { method: 'POST', path: '/api/agents/:id/avatar/generate', request: AvatarGenerateSchema, response: AgentSchema },
  deleteAvatar: { method: 'DELETE', path: '/api/agents/:id/avatar', request: z.void(), response: AgentSchema },
  previewPersona: { method: 'POST', path: '/api/agents/preview', request: PersonaPreviewRequestSchema, response: PersonaPreviewSchema },
  listSkills: { method: 'GET', path: '/api/skills', request: z.void(), response: SkillListSchema },
} as const;

/**
 * Avatar upload: the raw picture as the body (`application/octet-stream`, PNG/JPEG/WebP sniffed
 * from the bytes), cropped to a centred square and resized to 256 px. Served at `GET /api/agents/:id/avatar`.
 */
export const agentsUploads = {
  uploadAvatar: { method: 'POST', path: '/api/agents/:id/avatar', maxBytes: 10 * 1024 * 1024, response: AgentSchema },
} as const;
