import type { IncomingMessage } from 'node:http';

/** The only Host values the admin listener answers to (a DNS-rebinding guard). */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function hostAllowed(req: IncomingMessage, port: number): boolean {
  return allowedHosts(port).includes((req.headers.host ?? '').toLowerCase());
}

/** The admin origins; a browser page from anywhere else may not write or open the live stream. */
export function originAllowed(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return false;
  return allowedHosts(port).some((h) => origin.toLowerCase() === `http://${h}`);
}
