import { z } from 'zod';
import type { Channel } from '../contracts/index.js';
import { imageMessage, type MediaRef } from '../whatsapp/index.js';
import { json, parseArgs, toolDefinition, type SkillDeps } from './define.js';
import { TRY_ON, type TryOnNudgeWord, type TryOnToolResult } from './tryon.tools.js';
import type { SkillManifest } from './types.js';

const NUDGES = ['higher', 'lower', 'left', 'right', 'bigger', 'smaller'] as const;

/** What the skill needs from the try-on domain (wired in domains.ts). */
export interface TryOnPort {
  tryOn(req: { contactId: number; channel: Channel; sku?: string | null; photoMediaId?: string | null; nudges?: TryOnNudgeWord[]; maxPerDay: number; retentionDays: number }): Promise<
    | { ok: true; resultId: number; jpeg: Buffer; sku: string; name: string; category: string; adjusted: boolean; nudges: TryOnNudgeWord[]; usedToday: number }
    | { ok: false; reason: Extract<TryOnToolResult, { ok: false }>['reason']; message: string; sku?: string; name?: string; photoKind?: string }
  >;
  /** WhatsApp: the picture uploaded (media id); simulator and CLI: the store's own path. */
  mediaFor(resultId: number, jpeg: Buffer, channel: Channel): Promise<MediaRef>;
}

const ConfigSchema = z.object({
  maxPerDay: z.number().int().min(1, 'At least 1').max(20, 'At most 20').default(3).describe('Try-ons one shopper may ask for in a day'),
  retentionDays: z.number().int('A whole number of days').min(1, 'At least 1 day').max(90, 'At most 90 days').default(7).describe("Days a shopper's photos and try-on pictures are kept, then deleted"),
  provider: z.enum(['offline', 'image_api']).default('offline').describe('offline: the product photo composed on the shopper\'s photo on this PC; image_api: an image-generation service (not connected yet — the offline composer is used)'),
});

const Args = z.object({
  sku: z.string().trim().min(1, 'sku cannot be empty; leave it out to use the product in focus').max(64).optional(),
  adjust: z.array(z.enum(NUDGES, { error: `Each adjustment is one of: ${NUDGES.join(', ')}` })).max(6, 'At most 6 adjustments at once').optional(),
  photoId: z.string().trim().min(1).max(128).optional(),
});

export const TRY_ON_CAPTION = 'An impression only: the actual piece may differ. Say "bigger", "smaller", "higher" or "lower" to adjust.';

/**
 * Virtual try-on: the product's photo composed onto the shopper's (offline, by the try-on domain)
 * and sent back as a picture with a disclaimer. The daily cap and the retention are the owner's
 * settings; the code keeps them whatever the model asks.
 */
export function tryOnSkill(deps: Pick<SkillDeps, 'tryon'>): SkillManifest<typeof ConfigSchema> {
  return {
    id: 'virtual_try_on',
    name: 'Virtual try-on',
    description: "Shows the shopper wearing a piece: composes the product photo onto a selfie or hand photo they send (ears, neck or hand; you can move the spots), with a note that it is an impression. Photos are deleted after the days you set.",
    summary: 'Try pieces on from a selfie',
    icon: 'sparkles',
    configSchema: ConfigSchema,
    defaultEnabled: false,
    available: deps.tryon !== undefined,
    tools: [
      toolDefinition(
        TRY_ON,
        "Compose a product onto the shopper's latest photo and send them the picture. sku: the product (default: the one last shown). adjust: nudges of the last try-on picture (higher, lower, left, right, bigger, smaller). If it answers no_photo, ask the shopper for a selfie or a photo of their hand.",
        Args,
      ),
    ],
    async execute({ args, config, ctx }) {
      const a = parseArgs(TRY_ON, Args, args);
      const port = deps.tryon;
      if (!port) throw new Error('try-on is not wired');
      const sku = a.sku ?? (a.adjust?.length ? null : (ctx.shownSkus[0] ?? null));
      const channel = ctx.channel ?? 'whatsapp';
      const out = await port.tryOn({ contactId: ctx.contact.id, channel, sku, photoMediaId: a.photoId ?? null, nudges: a.adjust ?? [], maxPerDay: config.maxPerDay, retentionDays: config.retentionDays });
      if (!out.ok) {
        const { ok: _ok, ...rest } = out;
        const result: TryOnToolResult = { ok: false, ...rest };
        return { result: json(result), summary: `${out.reason.replace(/_/g, ' ')}: ${out.message}` };
      }
      const ref = await port.mediaFor(out.resultId, out.jpeg, channel);
      const caption = `${out.name} (${out.sku}) on your photo. ${TRY_ON_CAPTION}`;
      const result: TryOnToolResult = {
        ok: true, sku: out.sku, name: out.name, category: out.category, adjusted: out.adjusted, nudges: out.nudges, usedToday: out.usedToday, maxPerDay: config.maxPerDay,
        note: 'The picture was sent with a caption saying it is an impression only. Do not describe how it looks; invite the shopper to adjust it or to visit the store to try the real piece.',
      };
      const summary = out.adjusted ? `${out.sku} adjusted (${out.nudges.join(', ')})` : `${out.sku} on the shopper's photo (${out.usedToday} of ${config.maxPerDay} today)`;
      return { result: json(result), messages: [imageMessage(ctx.to, ref, { caption })], summary, shownSkus: [out.sku] };
    },
  };
}
