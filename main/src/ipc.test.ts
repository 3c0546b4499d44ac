import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import type { IpcDeps, SenderEvent } from './ipc.js';

type Handler = (event: SenderEvent, ...args: unknown[]) => Promise<unknown>;
const handlers = vi.hoisted(() => new Map<string, Handler>());

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => handlers.set(channel, handler),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
}));

const { createIpcHandlers, isTrustedSender, registerIpc } = await import('./ipc.js');

const ADMIN = 'http://127.0.0.1:4801';
const mainContents = { id: 1 } as unknown as WebContents;
const otherContents = { id: 2 } as unknown as WebContents;
const expected = { origin: ADMIN, webContents: mainContents };

function event(frameUrl: string | null, sender: WebContents = mainContents): SenderEvent {
  return { sender, senderFrame: frameUrl === null ? null : { url: frameUrl } } as unknown as SenderEvent;
}

describe('isTrustedSender', () => {
  it('accepts the main window on the admin origin', () => {
    expect(isTrustedSender(event(`${ADMIN}/settings?tab=1`), expected)).toBe(true);
  });

  it.each([
    ['no sender frame', event(null)],
    ['a frame on another origin', event('https://evil.example/')],
    ['the admin host on another port', event('http://127.0.0.1:4802/')],
    ['an unparsable frame URL', event('')],
    ['another webContents on the admin origin', event(`${ADMIN}/`, otherContents)],
  ])('rejects %s', (_name, e) => {
    expect(isTrustedSender(e, expected)).toBe(false);
  });

  it('rejects everything before the window and origin are known', () => {
    expect(isTrustedSender(event(`${ADMIN}/`), { origin: null, webContents: mainContents })).toBe(false);
    expect(isTrustedSender(event(`${ADMIN}/`), { origin: ADMIN, webContents: null })).toBe(false);
  });
});

describe('registerIpc', () => {
  let deps: IpcDeps;
  beforeEach(() => {
    handlers.clear();
    deps = {
      version: '0.1.0',
      platform: 'linux',
      secretsStorage: 'memory',
      openExternal: vi.fn(async () => undefined),
      showItemInFolder: vi.fn(),
    };
    registerIpc(createIpcHandlers(deps), () => expected);
  });
  const call = (channel: string, e: SenderEvent, ...args: unknown[]) => handlers.get(channel)!(e, ...args);

  it('registers exactly the contract channels', () => {
    expect([...handlers.keys()].sort()).toEqual(['app:getInfo', 'app:openExternal', 'app:showItemInFolder']);
  });

  it('answers the main window', async () => {
    await expect(call('app:getInfo', event(`${ADMIN}/`))).resolves.toEqual({
      version: '0.1.0',
      platform: 'linux',
      secretsStorage: 'memory',
    });
  });

  it('rejects a foreign frame or another webContents before running the handler', async () => {
    await expect(call('app:getInfo', event('https://evil.example/'))).rejects.toThrow(/rejected IPC sender/);
    await expect(call('app:openExternal', event(`${ADMIN}/`, otherContents), 'https://wa.me/1')).rejects.toThrow(
      /rejected IPC sender/,
    );
    expect(deps.openExternal).not.toHaveBeenCalled();
  });

  it('opens only allow-listed URLs', async () => {
    await expect(call('app:openExternal', event(`${ADMIN}/`), 'https://evil.example/')).resolves.toBe(false);
    await expect(call('app:openExternal', event(`${ADMIN}/`), 'https://wa.me/919800000000')).resolves.toBe(true);
    expect(deps.openExternal).toHaveBeenCalledExactlyOnceWith('https://wa.me/919800000000');
  });

  it('validates arguments at run time', async () => {
    await expect(call('app:openExternal', event(`${ADMIN}/`), 42)).rejects.toThrow();
    await expect(call('app:showItemInFolder', event(`${ADMIN}/`), 'relative/file.csv')).rejects.toThrow();
    await expect(call('app:getInfo', event(`${ADMIN}/`), 'extra')).rejects.toThrow();
    await call('app:showItemInFolder', event(`${ADMIN}/`), '/home/shop/export.csv');
    expect(deps.showItemInFolder).toHaveBeenCalledExactlyOnceWith('/home/shop/export.csv');
  });
});
