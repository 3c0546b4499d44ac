import { z } from 'zod';
import { CategorySchema } from './catalog.js';

/**
 * Virtual try-on (issue #9, part 3): the product's photo, its plain background removed, composed
 * onto the shopper's photo at an anchor per category. No face detection: anchors are fractions of
 * the photo the owner can move, and the shopper can nudge ("higher", "bada").
 */
export const TryOnAnchorSchema = z.object({
  /** Centre of the piece across the photo, 0 (left edge) … 1 (right edge). For a pair, the left copy. */
  x: z.number().min(0, 'At least 0').max(1, 'At most 1'),
  /** Centre of the piece down the photo, 0 (top) … 1 (bottom). */
  y: z.number().min(0, 'At least 0').max(1, 'At most 1'),
  /** Width of the piece as a fraction of the photo's width. */
  scale: z.number().min(0.02, 'At least 0.02').max(1, 'At most 1'),
  /** Two copies, mirrored, at x and 1 − x (earrings). */
  pair: z.boolean(),
});
export type TryOnAnchor = z.infer<typeof TryOnAnchorSchema>;

export const TryOnAnchorsSchema = z.object({
  anchors: z.record(CategorySchema, TryOnAnchorSchema),
  defaults: z.record(CategorySchema, TryOnAnchorSchema),
});
export type TryOnAnchors = z.infer<typeof TryOnAnchorsSchema>;

export const TRYON_SOURCES = ['whatsapp', 'simulator', 'cli', 'owner'] as const;

export const TryOnPhotoSchema = z.object({
  id: z.number().int(),
  contactId: z.number().int().nullable(),
  contactLabel: z.string().nullable(),
  source: z.enum(TRYON_SOURCES),
  /** The id a simulator (or WhatsApp) image message refers to. */
  mediaId: z.string().nullable(),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  results: z.number().int(),
  createdAt: z.string(),
  /** Deleted from disk and database at this time. */
  expiresAt: z.string(),
});
export type TryOnPhoto = z.infer<typeof TryOnPhotoSchema>;

/** Shopper's nudges: each moves the piece a step or scales it. */
export const TRYON_NUDGES = ['higher', 'lower', 'left', 'right', 'bigger', 'smaller'] as const;
export const TryOnNudgeSchema = z.enum(TRYON_NUDGES);
export type TryOnNudge = z.infer<typeof TryOnNudgeSchema>;

/** Query of the preview image: the product, and optionally an anchor being tried in the screen. */
export const TryOnPreviewQuerySchema = z.object({
  sku: z.string().trim().min(1, 'Pick a product'),
  x: z.coerce.number().min(0).max(1).optional(),
  y: z.coerce.number().min(0).max(1).optional(),
  scale: z.coerce.number().min(0.02).max(1).optional(),
  pair: z.enum(['true', 'false']).optional(),
});

export const tryonApi = {
  getTryOnAnchors: { method: 'GET', path: '/api/tryon/anchors', request: z.void(), response: TryOnAnchorsSchema },
  putTryOnAnchor: { method: 'PUT', path: '/api/tryon/anchors/:category', request: TryOnAnchorSchema, response: TryOnAnchorsSchema },
  resetTryOnAnchor: { method: 'DELETE', path: '/api/tryon/anchors/:category', request: z.void(), response: TryOnAnchorsSchema },
  listTryOnPhotos: { method: 'GET', path: '/api/tryon/photos', request: z.void(), response: z.object({ photos: z.array(TryOnPhotoSchema), retentionDays: z.number().int() }) },
  deleteTryOnPhoto: { method: 'DELETE', path: '/api/tryon/photos/:id', request: z.void(), response: z.object({ deleted: z.number().int() }) },
} as const;

/** Raw-body uploads (application/octet-stream), like catalogUploads. */
export const tryonUploads = {
  /** The photo bytes → the stored photo; its mediaId can go in a simulator image message. */
  uploadTryOnPhoto: { method: 'POST', path: '/api/tryon/photos', maxBytes: 5 * 1024 * 1024, response: TryOnPhotoSchema },
} as const;

/** Image routes (JPEG, not JSON): declared here so the renderer uses the same paths. */
export const tryonFiles = {
  photoImage: '/api/tryon/photos/:id/image',
  /** GET → image/jpeg: the photo with the product composed at the anchor (query: TryOnPreviewQuerySchema). */
  preview: '/api/tryon/photos/:id/preview',
  resultImage: '/api/tryon/results/:id/image',
} as const;
