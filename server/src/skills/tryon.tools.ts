/**
 * The try_on tool's contract (name, arguments, result) between the virtual try-on skill and the
 * brains, like tools.ts for the first skills.
 */
export const TRY_ON = 'try_on';

export type TryOnNudgeWord = 'higher' | 'lower' | 'left' | 'right' | 'bigger' | 'smaller';

/** What the try_on tool answers. On success the picture has already been sent with a disclaimer caption. */
export type TryOnToolResult =
  | {
      ok: true;
      sku: string;
      name: string;
      category: string;
      /** A nudge of the last picture (same photo and piece), not a new try-on. */
      adjusted: boolean;
      nudges: TryOnNudgeWord[];
      usedToday: number;
      maxPerDay: number;
      note: string;
    }
  | {
      ok: false;
      reason: 'no_photo' | 'no_product' | 'unknown_product' | 'no_product_photo' | 'limit' | 'bad_photo' | 'nothing_to_adjust';
      message: string;
      sku?: string;
      name?: string;
      /** What to ask for: "selfie", "hand photo" or "photo". */
      photoKind?: string;
    };
