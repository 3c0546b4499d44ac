import type { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

type HeadersListener = (
  details: { responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

const fake = vi.hoisted(() => {
  const state = {
    windows: [] as Array<{ options: unknown; loadURL: ReturnType<typeof vi.fn>; webContents: EventEmitter }>,
    headersListener: null as HeadersListener | null,
    openExternal: null as unknown as ReturnType<typeof vi.fn>,
  };
  return state;
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const session = {
    webRequest: { onHeadersReceived: (listener: HeadersListener) => (fake.headersListener = listener) },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
  };
  class BrowserWindow extends Emitter {
    webContents = Object.assign(new Emitter(), { session, setWindowOpenHandler: vi.fn() });
    loadURL = vi.fn(async () => undefined);
    show = vi.fn();
    constructor(options: unknown) {
      super();
      fake.windows.push({ options, loadURL: this.loadURL, webContents: this.webContents });
    }
  }
  fake.openExternal = vi.fn(async () => undefined);
  return { BrowserWindow, shell: { openExternal: fake.openExternal } };
});

const { contentSecurityPolicy, createMainWindow, windowOptions, withCsp, PRELOAD_PATH } = await import('./window.js');

beforeEach(() => {
  fake.windows.length = 0;
  fake.headersListener = null;
});

describe('windowOptions', () => {
  it('locks the renderer down exactly', () => {
    expect(windowOptions('/app/preload.js').webPreferences).toStrictEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      preload: '/app/preload.js',
    });
  });

  it('starts hidden until the first paint', () => {
    expect(windowOptions('/p.js').show).toBe(false);
  });
});

describe('contentSecurityPolicy', () => {
  const csp = contentSecurityPolicy('http://127.0.0.1:4801');
  const directives = Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));

  it('allows only our own origin, plus the live socket on the admin port', () => {
    expect(directives).toStrictEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data: blob:",
      'connect-src': "'self' ws://127.0.0.1:4801",
      'object-src': "'none'",
      'base-uri': "'none'",
      'frame-ancestors': "'none'",
      'form-action': "'self'",
    });
  });

  it('never allows inline or eval scripts', () => {
    expect(directives['script-src']).not.toMatch(/unsafe/);
  });
});

describe('withCsp', () => {
  it('adds the policy without dropping one the server already sent', () => {
    expect(withCsp({ 'content-security-policy': ["default-src 'none'"], 'x-a': ['1'] }, 'P')).toStrictEqual({
      'content-security-policy': ["default-src 'none'", 'P'],
      'x-a': ['1'],
    });
    expect(withCsp(undefined, 'P')).toStrictEqual({ 'Content-Security-Policy': ['P'] });
  });
});

describe('createMainWindow', () => {
  it('uses the sandboxed preload, installs the CSP, locks navigation and loads the admin URL', () => {
    createMainWindow('http://127.0.0.1:4801/?token=abc');
    const created = fake.windows[0];
    expect(created?.options).toMatchObject({ webPreferences: { preload: PRELOAD_PATH, sandbox: true } });
    expect(PRELOAD_PATH).toMatch(/preload[\\/]preload\.js$/);
    expect(created?.loadURL).toHaveBeenCalledWith('http://127.0.0.1:4801/?token=abc');

    const callback = vi.fn();
    fake.headersListener?.({ responseHeaders: {} }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Security-Policy': [contentSecurityPolicy('http://127.0.0.1:4801')] },
    });

    const away = { preventDefault: vi.fn() };
    created?.webContents.emit('will-navigate', away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalledOnce();
  });
});
