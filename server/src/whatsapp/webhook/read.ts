/**
 * Total readers for untrusted JSON: each returns null (or an empty list) for anything unexpected,
 * so a payload Meta changes tomorrow is kept and parsed as far as it goes, never thrown on.
 */
export type Obj = Record<string, unknown>;

export function obj(v: unknown): Obj | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : null;
}

export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** Strings as they are; numbers as their decimal text (Meta mixes them for ids and times). */
export function str(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

export function num(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

export function bool(v: unknown): boolean | null {
  return typeof v === 'boolean' ? v : null;
}

/** Meta's Unix-seconds timestamps (string or number) as ISO-8601 UTC; null when unreadable. */
export function isoFromUnix(v: unknown): string | null {
  const s = num(v);
  if (s === null || s < 0 || s > 1e11) return null;
  return new Date(s * 1000).toISOString();
}
