/** The server's message for a failed call (ApiError carries it), else the error's text. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
