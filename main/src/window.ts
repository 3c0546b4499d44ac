import { BrowserWindow, shell, type BrowserWindowConstructorOptions, type Session } from 'electron';
import { fileURLToPath } from 'node:url';
import { lockNavigation, lockPermissions } from './navigation.js';

/** Compiled preload (CommonJS, see preload/preload.ts), next to this file in the build output. */
export const PRELOAD_PATH = fileURLToPath(new URL('./preload/preload.js', import.meta.url));

/** Mantine injects inline styles, hence 'unsafe-inline' for styles only (never for scripts). */
export function contentSecurityPolicy(adminOrigin: string): string {
  const { host } = new URL(adminOrigin);
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `connect-src 'self' ws://${host}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: 'Revive',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      preload: preloadPath,
    },
  };
}

type Headers = Record<string, string[]>;

/** Adds our policy as one more header: a policy the server already sends still applies too. */
export function withCsp(headers: Headers | undefined, csp: string): Headers {
  const result: Headers = { ...headers };
  const key = Object.keys(result).find((name) => name.toLowerCase() === 'content-security-policy');
  if (key) result[key] = [...(result[key] ?? []), csp];
  else result['Content-Security-Policy'] = [csp];
  return result;
}

export function installCsp(session: Session, adminOrigin: string): void {
  const csp = contentSecurityPolicy(adminOrigin);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders, csp) });
  });
}

export function createMainWindow(adminUrl: string): BrowserWindow {
  const adminOrigin = new URL(adminUrl).origin;
  const win = new BrowserWindow(windowOptions(PRELOAD_PATH));
  installCsp(win.webContents.session, adminOrigin);
  lockPermissions(win.webContents.session);
  lockNavigation(win.webContents, adminOrigin, (url) => shell.openExternal(url));
  win.once('ready-to-show', () => win.show());
  win.loadURL(adminUrl).catch((err: unknown) => console.error('[revive] could not load the admin UI:', err));
  return win;
}
