import type { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';

/** The whole electron surface main.ts touches, faked; main.ts runs its startup on import. */
const fake = vi.hoisted(() => ({
  hasLock: true,
  userData: '',
  app: null as unknown as EventEmitter & Record<string, Mock>,
  children: [] as Array<EventEmitter & { posted: unknown[]; fork: unknown[] }>,
  windows: [] as Array<EventEmitter & Record<string, Mock>>,
  tooltips: [] as string[],
  ipc: new Map<string, (...args: unknown[]) => unknown>(),
  dialog: { showMessageBox: null as unknown as Mock },
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const app = Object.assign(new Emitter(), {
    requestSingleInstanceLock: vi.fn(() => fake.hasLock),
    whenReady: vi.fn(async () => undefined),
    getPath: vi.fn(() => fake.userData),
    getAppPath: vi.fn(() => '/app'),
    getVersion: vi.fn(() => '0.1.0'),
    quit: vi.fn(),
    exit: vi.fn(),
    relaunch: vi.fn(),
    setAppUserModelId: vi.fn(),
  });
  fake.app = app as never;
  class BrowserWindow extends Emitter {
    webContents = Object.assign(new Emitter(), {
      session: { webRequest: { onHeadersReceived: vi.fn() }, setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() },
      setWindowOpenHandler: vi.fn(),
    });
    loadURL = vi.fn(async () => undefined);
    show = vi.fn();
    hide = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = vi.fn(() => false);
    isDestroyed = vi.fn(() => false);
    constructor() {
      super();
      fake.windows.push(this as never);
    }
  }
  class Tray {
    on() {}
    setToolTip(text: string) {
      fake.tooltips.push(text);
    }
    setContextMenu() {}
  }
  fake.dialog.showMessageBox = vi.fn(async () => ({ response: 1 }));
  return {
    app,
    BrowserWindow,
    Tray,
    Menu: { buildFromTemplate: () => ({}) },
    nativeImage: { createFromPath: () => ({}) },
    shell: { openExternal: vi.fn(), showItemInFolder: vi.fn() },
    dialog: { showMessageBox: fake.dialog.showMessageBox, showErrorBox: vi.fn() },
    ipcMain: { handle: (channel: string, handler: (...args: unknown[]) => unknown) => fake.ipc.set(channel, handler) },
    safeStorage: { isEncryptionAvailable: () => false },
    utilityProcess: {
      fork: vi.fn((...fork: unknown[]) => {
        const child = Object.assign(new Emitter(), { posted: [] as unknown[], fork, stdout: null, stderr: null, kill: vi.fn() });
        Object.assign(child, { postMessage: (message: unknown) => child.posted.push(message) });
        fake.children.push(child);
        return child;
      }),
    },
  };
});

const READY = { adminUrl: 'http://127.0.0.1:4801/?token=t', publicUrl: 'http://127.0.0.1:4802', dataDir: '/d' };
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function boot(): Promise<void> {
  await import('./main.js');
  await flush();
}

beforeEach(() => {
  // The mocked module outlives resetModules: drop the previous run's listeners and call counts.
  vi.resetModules();
  vi.clearAllMocks();
  fake.app?.removeAllListeners();
  Object.assign(fake, { hasLock: true, userData: mkdtempSync(join(tmpdir(), 'revive-main-')), children: [], windows: [], tooltips: [] });
  fake.ipc.clear();
  delete process.env.REVIVE_DATA_DIR;
});
afterEach(() => rmSync(fake.userData, { recursive: true, force: true }));

describe('main', () => {
  it('a second instance quits without starting anything', async () => {
    fake.hasLock = false;
    await boot();
    expect(fake.app.quit).toHaveBeenCalledOnce();
    expect(fake.children).toHaveLength(0);
  });

  it('starts the server with the key, then opens the admin URL and shows Running', async () => {
    await boot();
    const child = fake.children[0]!;
    expect(child.fork.slice(0, 2)).toEqual([join('/app', 'build/node/server/src/child.js'), ['--data', join(fake.userData, 'data')]]);
    expect(child.posted[0]).toEqual({ type: 'secrets-key', key: null });
    expect(fake.tooltips.at(-1)).toBe('Revive — Starting…');
    expect(fake.windows).toHaveLength(0);

    child.emit('message', { type: 'ready', ready: READY });
    await flush();
    expect(fake.windows[0]?.loadURL).toHaveBeenCalledWith(READY.adminUrl);
    expect(fake.tooltips.at(-1)).toBe('Revive — Running');

    const sender = fake.windows[0]!.webContents;
    const info = await fake.ipc.get('app:getInfo')!({ sender, senderFrame: { url: 'http://127.0.0.1:4801/' } });
    expect(info).toMatchObject({ version: '0.1.0', secretsStorage: 'memory' });
  });

  it('hides the window on close, focuses it for a second instance, and stops the child on quit', async () => {
    await boot();
    const child = fake.children[0]!;
    child.emit('message', { type: 'ready', ready: READY });
    await flush();
    const win = fake.windows[0]!;

    const close = { preventDefault: vi.fn() };
    win.emit('close', close);
    expect(close.preventDefault).toHaveBeenCalledOnce();
    expect(win.hide).toHaveBeenCalledOnce();

    fake.app.emit('second-instance');
    expect(win.show).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();

    const quit = { preventDefault: vi.fn() };
    fake.app.emit('before-quit', quit);
    expect(quit.preventDefault).toHaveBeenCalledOnce();
    expect(child.posted.at(-1)).toEqual({ type: 'shutdown' });
    expect(fake.app.quit).not.toHaveBeenCalled();
    child.emit('exit', 0);
    await flush();
    expect(fake.app.quit).toHaveBeenCalledOnce();
    expect(fake.dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('tells the user when the server crashes after ready, and shows it stopped', async () => {
    await boot();
    fake.children[0]!.emit('message', { type: 'ready', ready: READY });
    await flush();
    fake.children[0]!.emit('exit', 134);
    await flush();
    expect(fake.tooltips.at(-1)).toBe('Revive — Server stopped');
    expect(fake.dialog.showMessageBox).toHaveBeenCalledOnce();
    expect(fake.app.relaunch).not.toHaveBeenCalled();
    expect(fake.children).toHaveLength(1);
  });
});
