/** How far "around 20k" / "around 20 grams" reaches either side: 15%, a salesperson's "around". */
export const AROUND_TOLERANCE = 0.15;

/**
 * The inclusive band a search should apply to `priceAround` or `weightAroundGrams`:
 * aroundBand(20000) → { min: 17000, max: 23000 }. Whole numbers stay whole (rupees).
 */
export function aroundBand(value: number): { min: number; max: number } {
  const min = value * (1 - AROUND_TOLERANCE);
  const max = value * (1 + AROUND_TOLERANCE);
  if (Number.isInteger(value)) return { min: Math.floor(min + 1e-9), max: Math.ceil(max - 1e-9) };
  return { min: Math.round(min * 1000) / 1000, max: Math.round(max * 1000) / 1000 };
}
