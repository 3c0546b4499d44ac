import { CATEGORIES, type Category, type TryOnAnchor, type TryOnNudge } from '../contracts/index.js';

/**
 * Where each kind of piece sits on a photo, as fractions of it (no face detection): earrings at
 * the ears (a mirrored pair), necklaces, chains, pendants and mangalsutras at the neck, rings,
 * bangles, bracelets and kadas on a hand in the middle, a nose pin on the nose. They suit a
 * selfie framed head-and-shoulders, or a hand held up to the camera; the owner moves them.
 */
export const DEFAULT_ANCHORS: Record<Category, TryOnAnchor> = {
  earrings: { x: 0.3, y: 0.5, scale: 0.09, pair: true },
  necklace: { x: 0.5, y: 0.7, scale: 0.42, pair: false },
  chain: { x: 0.5, y: 0.68, scale: 0.38, pair: false },
  pendant: { x: 0.5, y: 0.72, scale: 0.2, pair: false },
  mangalsutra: { x: 0.5, y: 0.7, scale: 0.38, pair: false },
  set: { x: 0.5, y: 0.7, scale: 0.46, pair: false },
  ring: { x: 0.5, y: 0.5, scale: 0.16, pair: false },
  bangle: { x: 0.5, y: 0.58, scale: 0.36, pair: false },
  bracelet: { x: 0.5, y: 0.58, scale: 0.34, pair: false },
  'nose pin': { x: 0.56, y: 0.5, scale: 0.05, pair: false },
  anklet: { x: 0.5, y: 0.7, scale: 0.4, pair: false },
  other: { x: 0.5, y: 0.5, scale: 0.3, pair: false },
};

/** What the body part is called when asking for a photo. */
export function photoKind(category: Category): 'selfie' | 'hand photo' | 'photo' {
  if (['earrings', 'necklace', 'chain', 'pendant', 'mangalsutra', 'set', 'nose pin'].includes(category)) return 'selfie';
  if (['ring', 'bangle', 'bracelet'].includes(category)) return 'hand photo';
  return 'photo';
}

/** Accumulated nudges of one try-on: offsets in photo fractions and a size factor. */
export interface Adjustment {
  dx: number;
  dy: number;
  scale: number;
}
export const NO_ADJUSTMENT: Adjustment = { dx: 0, dy: 0, scale: 1 };

const STEP = 0.04;
const SIZE_STEP = 1.2;

export function nudge(a: Adjustment, nudges: readonly TryOnNudge[]): Adjustment {
  const out = { ...a };
  for (const n of nudges) {
    if (n === 'higher') out.dy -= STEP;
    else if (n === 'lower') out.dy += STEP;
    else if (n === 'left') out.dx -= STEP;
    else if (n === 'right') out.dx += STEP;
    else if (n === 'bigger') out.scale *= SIZE_STEP;
    else out.scale /= SIZE_STEP;
  }
  out.dx = Math.max(-0.5, Math.min(0.5, out.dx));
  out.dy = Math.max(-0.5, Math.min(0.5, out.dy));
  out.scale = Math.max(0.25, Math.min(4, out.scale));
  return out;
}

/** The anchor after the shopper's nudges, kept inside the photo. */
export function adjusted(anchor: TryOnAnchor, a: Adjustment): TryOnAnchor {
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
  return { pair: anchor.pair, x: clamp(anchor.x + a.dx, 0, 1), y: clamp(anchor.y + a.dy, 0, 1), scale: clamp(anchor.scale * a.scale, 0.02, 1) };
}

export const isCategory = (v: string): v is Category => (CATEGORIES as readonly string[]).includes(v);
