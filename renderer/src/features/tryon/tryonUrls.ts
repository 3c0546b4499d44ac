import { fillPath, queryString } from '../../api/client';
import { tryonFiles, type TryOnAnchor } from '../../api/contracts';

/** The composed preview of a product on a sample photo, at the anchor being tried (the admin API draws it). */
export function previewUrl(photoId: number, sku: string, anchor: TryOnAnchor): string {
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return fillPath(tryonFiles.preview, { id: String(photoId) }) + queryString({ sku, x: round(anchor.x), y: round(anchor.y), scale: round(anchor.scale), pair: anchor.pair });
}

export const photoUrl = (photoId: number): string => fillPath(tryonFiles.photoImage, { id: String(photoId) });

/** "42%" for a fraction of the photo. */
export const percent = (n: number): string => `${Math.round(n * 100)}%`;
