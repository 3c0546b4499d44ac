const rupees = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR', minimumFractionDigits: 0, maximumFractionDigits: 0 });
const grams = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 3 });

/** Whole rupees in the Indian grouping: 125000 → "₹1,25,000". */
export function formatRupees(value: number): string {
  return rupees.format(value);
}

export { formatCount } from '../../ui/format';

/** 12.5 → "12.5 g"; at most 3 decimals, as the catalog stores them. */
export function formatGrams(value: number): string {
  return `${grams.format(value)} g`;
}
