import type { Agent, Channel, Contact, InboundMessage } from '../contracts/index.js';
import { DomainError } from '../shared/errors.js';
import { DEFAULT_RETENTION_DAYS, type TryOnService } from './tryon.service.js';

const SKILL = 'virtual_try_on';

/** The agent's try-on settings when the skill is on for it, else null. */
function tryOnConfig(agent: Agent): { retentionDays: number } | null {
  const entry = agent.skills.find((s) => s.id === SKILL);
  if (!entry?.enabled) return null;
  const days = (entry.config as { retentionDays?: unknown }).retentionDays;
  return { retentionDays: typeof days === 'number' && days >= 1 ? days : DEFAULT_RETENTION_DAYS };
}

/**
 * An inbound hook (the conversation engine's `InboundHook` shape): a photo from a shopper whose
 * agent has try-on on is kept as it arrives, so any brain's later `try_on` finds it. Photos of
 * shoppers whose agent has try-on off are never fetched. Returns null for everything else.
 */
export function tryOnPhotoHook(tryon: Pick<TryOnService, 'capture'>) {
  return async (m: InboundMessage, ctx: { contact: Contact; agent: Agent; channel: Channel; threadId: number }) => {
    const config = tryOnConfig(ctx.agent);
    if (!config || m.type !== 'image' || !m.media?.id) return null;
    const source = ctx.channel === 'whatsapp' ? 'whatsapp' : ctx.channel === 'cli' ? 'cli' : 'simulator';
    try {
      const photo = await tryon.capture(ctx.contact.id, m.media.id, source, config.retentionDays);
      return { kind: 'tryon_photo', summary: `photo kept for try-on until ${photo.expires_at.slice(0, 10)}`, facts: { photoKept: true, expiresAt: photo.expires_at } };
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      return { kind: 'tryon_photo', summary: `photo not kept: ${err.message}`, facts: { photoKept: false, reason: err.message } };
    }
  };
}
