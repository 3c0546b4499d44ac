import type { Logger } from 'pino';
import type { z } from 'zod';
import { AgentCreateSchema, AgentPatchSchema, PersonaSchema, type Agent, type AgentCreate, type AgentPatch, type Persona } from '../contracts/index.js';
import type { Bus } from '../ops/index.js';
import { DomainError } from '../shared/errors.js';
import { nowIso } from '../shared/time.js';
import { agentMapper, fieldsOf, parse, type AgentSkillCatalog } from './agent-rows.js';
import type { AgentRow, AgentsRepo } from './agents.repo.js';
import { agentAvatars } from './agent-avatars.js';
import type { AvatarGenerator, AvatarStore } from './avatar.js';

export type { AgentSkillCatalog } from './agent-rows.js';

export interface AgentsServiceDeps {
  repo: AgentsRepo;
  avatars: AvatarStore;
  bus: Pick<Bus, 'publish'>;
  log: Logger;
  skills: AgentSkillCatalog;
  /** An image-generation provider; none ships, so "generate" draws an illustrated avatar. */
  avatarGenerator?: AvatarGenerator | null;
}

/** The agent every store starts with (and the demo's sales agent before its persona is set). */
export const FIRST_AGENT = {
  name: 'Aarav',
  role: 'Sales',
  avatarDescription: 'Friendly young Indian salesman with short hair and a neat beard',
} as const;

/** "Aarav" → "Aarav (copy)", then "Aarav (copy 2)"…; a copy of a copy counts from the original name. */
export function copyName(name: string, taken: (candidate: string) => boolean): string {
  const base = name.replace(/ \(copy(?: \d+)?\)$/, '');
  for (let n = 1; ; n += 1) {
    const suffix = n === 1 ? ' (copy)' : ` (copy ${n})`;
    const candidate = `${base.slice(0, 60 - suffix.length).trimEnd()}${suffix}`;
    if (!taken(candidate)) return candidate;
  }
}

/**
 * Agents: the rules. Names are unique regardless of case; exactly one agent is the default (the
 * one on the WhatsApp number), and there is always at least one. Every change is published as
 * `agents.changed`.
 */
export function createAgentsService(deps: AgentsServiceDeps) {
  const { repo, avatars, bus, log, skills } = deps;
  const toAgent = agentMapper(skills);

  function row(id: number): AgentRow {
    const r = Number.isInteger(id) ? repo.get(id) : undefined;
    if (!r) throw new DomainError('not_found', `There is no agent ${id}`);
    return r;
  }

  function publish(agentId: number, agent: Agent | null): void {
    bus.publish({ type: 'agents.changed', time: nowIso(), agentId, agent });
  }

  /** Publishes the agent as it is now and returns it. */
  function changed(id: number): Agent {
    const agent = toAgent(row(id));
    publish(id, agent);
    return agent;
  }

  const nameTaken = (name: string) =>
    new DomainError('conflict', `An agent called ${name} already exists`, { name: `Another agent is already called ${name}; pick another name` });

  function assertNameFree(name: string, self?: number): void {
    const other = repo.byName(name);
    if (other && other.id !== self) throw nameTaken(other.name);
  }

  /** A write that may still meet the unique name index (another process took the name meanwhile). */
  function uniqueName<T>(name: string, write: () => T): T {
    try {
      return write();
    } catch (err) {
      if (String((err as Error).message).includes('agents.name')) throw nameTaken(name);
      throw err;
    }
  }

  function setStatus(id: number, status: Agent['status']): Agent {
    const current = toAgent(row(id));
    if (current.status === status) return current;
    repo.update(id, fieldsOf({ ...current, status }), nowIso());
    return changed(id);
  }

  const service = {
    ...agentAvatars({ repo, avatars, log, generator: deps.avatarGenerator ?? null, row, changed, toAgent }),
    list(): { agents: Agent[] } {
      return { agents: repo.list().map(toAgent) };
    },
    get(id: number): Agent {
      return toAgent(row(id));
    },
    /** Case-insensitive (`revive chat --agent aarav`); null when there is none. */
    byName(name: string): Agent | null {
      const r = repo.byName(name.trim());
      return r ? toAgent(r) : null;
    },
    /** The agent on the store's WhatsApp number. */
    defaultAgent(): Agent {
      const r = repo.defaultAgent() ?? service.ensureOne();
      return toAgent(r);
    },

    create(input: AgentCreate): Agent {
      const a = parse(AgentCreateSchema, input);
      assertNameFree(a.name);
      const now = nowIso();
      const id = uniqueName(a.name, () =>
        repo.insert(
          {
            ...fieldsOf({ ...a, status: 'active', skills: skills.normalize(a.skills ?? []) }),
            is_default: repo.count() === 0,
            avatar_kind: null,
            avatar_file: null,
            avatar_description: null,
          },
          now,
        ),
      );
      return changed(id);
    },

    /** Changes only the fields given; a skill list changes only the skills it names. */
    update(id: number, patch: AgentPatch): Agent {
      // A key given as undefined changes nothing (the CLI and the demo loader pass optional fields through).
      const p = Object.fromEntries(Object.entries(parse(AgentPatchSchema, patch)).filter(([, v]) => v !== undefined)) as z.output<typeof AgentPatchSchema>;
      const current = toAgent(row(id));
      if (p.name !== undefined) assertNameFree(p.name, id);
      let nextSkills = current.skills;
      if (p.skills) {
        const given = new Map(p.skills.map((s) => [s.id, s]));
        nextSkills = skills.normalize([...current.skills.map((s) => given.get(s.id) ?? s), ...p.skills.filter((s) => !current.skills.some((c) => c.id === s.id))]);
      }
      uniqueName(p.name ?? current.name, () => repo.update(id, fieldsOf({ ...current, ...p, skills: nextSkills }), nowIso()));
      return changed(id);
    },

    /** The default's role passes to the oldest other agent; the last agent cannot go. */
    delete(id: number): { deleted: number } {
      const gone = row(id);
      if (repo.count() <= 1) {
        throw new DomainError('conflict', `${gone.name} is the only agent, and the store's WhatsApp number needs one to answer. Add another agent first, then delete this one.`);
      }
      const heir = repo.transaction(() => {
        repo.delete(id);
        if (gone.is_default !== 1) return null;
        const next = repo.oldestOther(id);
        if (next) repo.makeDefault(next.id, nowIso());
        return next ?? null;
      });
      avatars.remove(gone.avatar_file);
      publish(id, null);
      if (heir) changed(heir.id);
      return { deleted: id };
    },

    /** Same persona, skills, sources and picture; never the default. */
    clone(id: number, opts: { name?: string } = {}): Agent {
      const src = toAgent(row(id));
      const srcRow = row(id);
      const name = opts.name?.trim() || copyName(src.name, (n) => repo.byName(n) !== undefined);
      if (opts.name) parse(AgentPatchSchema, { name });
      assertNameFree(name);
      const newId = uniqueName(name, () =>
        repo.insert(
          { ...fieldsOf({ ...src, name }), is_default: false, avatar_kind: srcRow.avatar_kind, avatar_file: null, avatar_description: srcRow.avatar_description },
          nowIso(),
        ),
      );
      if (srcRow.avatar_file) {
        const copy = avatars.copy(srcRow.avatar_file, newId);
        if (copy) repo.setAvatarFile(newId, copy);
        else if (srcRow.avatar_kind !== 'illustrated') repo.setAvatar(newId, { avatar_kind: null, avatar_file: null, avatar_description: null }, nowIso());
      }
      return changed(newId);
    },

    pause: (id: number): Agent => setStatus(id, 'paused'),
    resume: (id: number): Agent => setStatus(id, 'active'),

    /** Exactly one default, switched in one transaction. */
    makeDefault(id: number): Agent {
      const target = row(id);
      if (target.is_default === 1) return toAgent(target);
      const previous = repo.defaultAgent();
      repo.transaction(() => repo.makeDefault(id, nowIso()));
      if (previous) changed(previous.id);
      return changed(id);
    },

    /**
     * Every store has an agent: on first open, "Aarav" (Sales, default, an illustrated face drawn on
     * first view). Safe when two processes open the same data dir at once.
     */
    ensureOne(): AgentRow {
      const existing = repo.defaultAgent() ?? repo.list()[0];
      if (existing) {
        if (existing.is_default !== 1) repo.transaction(() => repo.makeDefault(existing.id, nowIso()));
        return row(existing.id);
      }
      const persona: Persona = PersonaSchema.parse({});
      try {
        repo.insert(
          {
            ...fieldsOf({ name: FIRST_AGENT.name, role: FIRST_AGENT.role, persona, skills: skills.normalize([]), knowledgeSources: [], status: 'active', whenPaused: 'away_message', awayMessage: '' }),
            is_default: true,
            avatar_kind: 'illustrated',
            avatar_file: null,
            avatar_description: FIRST_AGENT.avatarDescription,
          },
          nowIso(),
        );
      } catch (err) {
        // Another process created it a moment ago.
        if (!repo.defaultAgent()) throw err;
      }
      const created = repo.defaultAgent();
      if (!created) throw new Error('the first agent could not be created');
      return created;
    },
  };
  return service;
}
export type AgentsService = ReturnType<typeof createAgentsService>;
