import type { Logger } from 'pino';
import { AvatarGenerateSchema, type Agent } from '../contracts/index.js';
import { DomainError } from '../shared/errors.js';
import { nowIso } from '../shared/time.js';
import type { AgentRow, AgentsRepo } from './agents.repo.js';
import { parse } from './agent-rows.js';
import { illustratedSvg, squareAvatar, type AvatarGenerator, type AvatarStore } from './avatar.js';

export interface AgentAvatarsDeps {
  repo: AgentsRepo;
  avatars: AvatarStore;
  log: Logger;
  generator: AvatarGenerator | null;
  /** The agent's row, or DomainError('not_found'). */
  row(id: number): AgentRow;
  /** Publishes the agent as it is now and returns it. */
  changed(id: number): Agent;
  toAgent(row: AgentRow): Agent;
}

/** An agent's picture: upload, generate, remove, and the file to serve. Old files are removed once replaced. */
export function agentAvatars(deps: AgentAvatarsDeps) {
  const { repo, avatars, log, generator, row, changed, toAgent } = deps;

  function replaceAvatar(id: number, avatar: Pick<AgentRow, 'avatar_kind' | 'avatar_file' | 'avatar_description'>): Agent {
    const before = row(id);
    repo.setAvatar(id, avatar, nowIso());
    if (before.avatar_file && before.avatar_file !== avatar.avatar_file) avatars.remove(before.avatar_file);
    return changed(id);
  }

  async function drawIllustrated(id: number, description: string): Promise<string> {
    return avatars.write(id, await illustratedSvg(description), 'svg');
  }

  return {
    /** An uploaded picture (PNG, JPEG or WebP, sniffed from the bytes) → 256×256 PNG. */
    async setAvatar(id: number, bytes: Buffer): Promise<Agent> {
      row(id);
      const png = await squareAvatar(bytes);
      return replaceAvatar(id, { avatar_kind: 'upload', avatar_file: avatars.write(id, png, 'png'), avatar_description: null });
    },

    /** A face from a description: the image provider when one is configured, else an illustrated avatar (same description, same face). */
    async generateAvatar(id: number, input: { description: string }): Promise<Agent> {
      row(id);
      const { description } = parse(AvatarGenerateSchema, input);
      if (generator) {
        try {
          const png = await squareAvatar(await generator.generate(description));
          return replaceAvatar(id, { avatar_kind: 'generated', avatar_file: avatars.write(id, png, 'png'), avatar_description: description });
        } catch (err) {
          log.warn({ err, generator: generator.name }, 'avatar generation failed; drawing an illustrated avatar instead');
        }
      }
      return replaceAvatar(id, { avatar_kind: 'illustrated', avatar_file: await drawIllustrated(id, description), avatar_description: description });
    },

    removeAvatar(id: number): Agent {
      row(id);
      return replaceAvatar(id, { avatar_kind: null, avatar_file: null, avatar_description: null });
    },

    /** The picture's file and type; an illustrated avatar not drawn yet (a seeded agent) is drawn now. */
    async avatarImage(id: number): Promise<{ file: string; type: 'image/png' | 'image/svg+xml'; version: string }> {
      const r = row(id);
      const avatar = toAgent(r).avatar;
      if (!avatar) throw new DomainError('not_found', `${r.name} has no picture yet`);
      let file = avatars.path(r.avatar_file);
      if (!file && r.avatar_kind === 'illustrated' && r.avatar_description) {
        const drawn = await drawIllustrated(id, r.avatar_description);
        repo.setAvatarFile(id, drawn);
        file = avatars.path(drawn);
      }
      if (!file) throw new DomainError('not_found', `${r.name}'s picture is missing; upload it again`);
      return { file, type: file.endsWith('.svg') ? 'image/svg+xml' : 'image/png', version: avatar.url.split('?v=')[1] ?? '' };
    },
  };
}
