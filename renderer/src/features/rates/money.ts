import { formatCount } from '../../ui/format';

/** Whole rupees in the Indian grouping: 62340 → "₹62,340". */
export const rupees = (n: number) => `₹${formatCount(n)}`;
export const perGram = (n: number | null) => (n === null ? '—' : `${rupees(n)}/g`);
