import type { Session, WebContents } from 'electron';

/** Hosts the app may open in the user's browser (https only, exact host match). */
export const EXTERNAL_ALLOW_LIST: readonly string[] = [
  'business.facebook.com',
  'developers.facebook.com',
  'www.facebook.com',
  'console.mistral.ai',
  'docs.mistral.ai',
  'wa.me',
];

export type OpenExternal = (url: string) => Promise<void> | void;

function launch(openExternal: OpenExternal, url: string): void {
  Promise.resolve()
    .then(() => openExternal(url))
    .catch((err: unknown) => console.warn(`[revive] could not open ${url}:`, err));
}

export function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function isAllowedExternalUrl(url: string, allowList: readonly string[] = EXTERNAL_ALLOW_LIST): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // Credentials in the URL are a classic spoof (https://wa.me@evil.example); refuse them outright.
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port) return false;
  return allowList.includes(parsed.hostname.toLowerCase());
}

/**
 * Keeps the window on the admin origin: navigations and redirects elsewhere are cancelled (an
 * allow-listed https link the user clicked goes to the browser instead), new windows are never
 * created, and <webview> cannot be attached.
 */
export function lockNavigation(contents: WebContents, adminOrigin: string, openExternal: OpenExternal): void {
  contents.on('will-navigate', (event, url) => {
    if (originOf(url) === adminOrigin) return;
    event.preventDefault();
    if (isAllowedExternalUrl(url)) launch(openExternal, url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (originOf(event.url) !== adminOrigin) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (originOf(url) !== adminOrigin) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) launch(openExternal, url);
    return { action: 'deny' };
  });
}

/** The only permission the admin UI needs is writing to the clipboard (copy webhook URL, tokens). */
export const GRANTED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write'];

export function lockPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(GRANTED_PERMISSIONS.includes(permission));
  });
  session.setPermissionCheckHandler((_contents, permission) => GRANTED_PERMISSIONS.includes(permission));
}
