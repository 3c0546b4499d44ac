/** The one clock: ISO-8601 UTC with `Z`, as every stored time and every `--json` output uses. */
export function nowIso(): string {
  return new Date().toISOString();
}
