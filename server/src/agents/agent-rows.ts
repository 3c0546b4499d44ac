import type { z } from 'zod';
import { DomainError, fieldErrors } from '../shared/errors.js';
import { PersonaSchema, type Agent, type AgentSkill, type Avatar, type SkillInfo } from '../contracts/index.js';
import type { AgentFields, AgentRow } from './agents.repo.js';
import { shortHash } from './avatar.js';

/**
 * What agents need of the Skill Store's registry (`SkillRegistry` in skills/types.ts, built by
 * `createSkillRegistry`): complete and validate an agent's skill list.
 */
export interface AgentSkillCatalog {
  normalize(skills: AgentSkill[]): AgentSkill[];
  info(): SkillInfo[];
}

/** Input checked with a contract schema; problems become a 'validation' error with field messages. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new DomainError('validation', 'The agent is not valid', fieldErrors(parsed.error.issues));
  return parsed.data;
}

function json<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** Rows ↔ agents. Stored JSON that no longer parses (an older schema) reads as the defaults. */
export function agentMapper(skills: AgentSkillCatalog) {
  /** The stored list completed to every registry skill; a config an updated skill no longer accepts falls back to its defaults. */
  function skillsOf(stored: AgentSkill[]): AgentSkill[] {
    try {
      return skills.normalize(stored);
    } catch {
      try {
        return skills.normalize(stored.map((s) => ({ ...s, config: {} })));
      } catch {
        return skills.normalize([]);
      }
    }
  }

  function avatarOf(row: AgentRow): Avatar | null {
    if (!row.avatar_kind) return null;
    // An illustrated face is a function of its description (drawn on first view for seeded agents): the
    // version follows the words, so the URL stays the same once the file exists. Others follow the file.
    const fromFile = row.avatar_file?.match(/-([0-9a-f]+)\.\w+$/)?.[1];
    const version = row.avatar_kind === 'illustrated' || !fromFile ? shortHash(`illustrated:${row.avatar_description ?? ''}`) : fromFile;
    return { kind: row.avatar_kind, url: `/api/agents/${row.id}/avatar?v=${version}`, description: row.avatar_description };
  }

  return function toAgent(row: AgentRow): Agent {
    const persona = PersonaSchema.safeParse(json(row.persona, {}));
    return {
      id: row.id,
      name: row.name,
      role: row.role,
      avatar: avatarOf(row),
      persona: persona.success ? persona.data : PersonaSchema.parse({}),
      skills: skillsOf(json<AgentSkill[]>(row.skills, [])),
      knowledgeSources: json<number[]>(row.knowledge_sources, []),
      status: row.status,
      isDefault: row.is_default === 1,
      whenPaused: row.when_paused,
      awayMessage: row.away_message,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  };
}

/** An agent's columns as stored (JSON columns serialised). */
export function fieldsOf(a: Pick<Agent, 'name' | 'role' | 'persona' | 'skills' | 'knowledgeSources' | 'status' | 'whenPaused' | 'awayMessage'>): AgentFields {
  return {
    name: a.name,
    role: a.role,
    persona: JSON.stringify(a.persona),
    skills: JSON.stringify(a.skills),
    knowledge_sources: JSON.stringify(a.knowledgeSources),
    status: a.status,
    when_paused: a.whenPaused,
    away_message: a.awayMessage,
  };
}
