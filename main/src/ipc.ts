import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import type { IpcArgs, IpcChannel, IpcResult, SecretsStorage } from './ipc-contract.js';
import { isAllowedExternalUrl, originOf } from './navigation.js';

export type IpcHandlers = {
  [C in IpcChannel]: (...args: IpcArgs<C>) => IpcResult<C> | Promise<IpcResult<C>>;
};

/** The renderer is untrusted: its arguments are checked at run time, not just typed. */
const ARG_SCHEMAS: { [C in IpcChannel]: z.ZodType<IpcArgs<C>> } = {
  'app:getInfo': z.tuple([]),
  'app:openExternal': z.tuple([z.string().max(2048)]),
  'app:showItemInFolder': z.tuple([z.string().max(4096).refine(isAbsolute, 'an absolute path')]),
};

/** Who may call: frames on the admin origin inside the main window, nothing else. */
export interface ExpectedSender {
  origin: string | null;
  webContents: WebContents | null | undefined;
}

export type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

export function isTrustedSender(event: SenderEvent, expected: ExpectedSender): boolean {
  const frame = event.senderFrame;
  if (!frame || !expected.origin || !expected.webContents) return false;
  return originOf(frame.url) === expected.origin && event.sender === expected.webContents;
}

export interface IpcDeps {
  version: string;
  platform: string;
  secretsStorage: SecretsStorage;
  openExternal(url: string): Promise<void>;
  showItemInFolder(path: string): void;
}

export function createIpcHandlers(deps: IpcDeps): IpcHandlers {
  return {
    'app:getInfo': () => ({ version: deps.version, platform: deps.platform, secretsStorage: deps.secretsStorage }),
    'app:openExternal': async (url) => {
      if (!isAllowedExternalUrl(url)) return false;
      await deps.openExternal(url);
      return true;
    },
    'app:showItemInFolder': (path) => deps.showItemInFolder(path),
  };
}

function handle<C extends IpcChannel>(channel: C, handler: IpcHandlers[C], expected: () => ExpectedSender): void {
  const run = handler as (...args: IpcArgs<C>) => unknown;
  ipcMain.handle(channel, async (event, ...raw: unknown[]) => {
    if (!isTrustedSender(event, expected())) throw new Error(`rejected IPC sender (${channel})`);
    return run(...ARG_SCHEMAS[channel].parse(raw));
  });
}

/** Registers every channel of the contract; returns a function that removes them again. */
export function registerIpc(handlers: IpcHandlers, expected: () => ExpectedSender): () => void {
  const channels = Object.keys(handlers) as IpcChannel[];
  for (const channel of channels) handle(channel, handlers[channel], expected);
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
