/*
 * The only bridge between the renderer and the main process.
 *
 * This window runs sandboxed, and Electron runs a sandboxed preload as a CommonJS script whose
 * `require` knows only 'electron' and a few built-ins (no ESM, no node_modules, no relative files).
 * So: the package.json beside this file makes tsc emit CommonJS here, the one runtime import is
 * 'electron', and the contract comes in as types only. Channel names are string literals checked
 * against that contract at compile time. preload.test.ts runs the emitted code in such a sandbox.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the sandbox runs this file as CommonJS (see above)
import electron = require('electron');
import type { IpcArgs, IpcChannel, IpcResult, ReviveBridge } from '../ipc-contract.js';

function invoke<C extends IpcChannel>(channel: C, ...args: IpcArgs<C>): Promise<IpcResult<C>> {
  return electron.ipcRenderer.invoke(channel, ...args) as Promise<IpcResult<C>>;
}

const bridge: ReviveBridge = {
  getInfo: () => invoke('app:getInfo'),
  openExternal: (url) => invoke('app:openExternal', url),
  showItemInFolder: (path) => invoke('app:showItemInFolder', path),
};

electron.contextBridge.exposeInMainWorld('revive', bridge);
