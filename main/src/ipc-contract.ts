/**
 * The one IPC contract between the preload bridge and the main process: channel → argument tuple →
 * result. Types only, so the sandboxed preload can import it without loading anything at runtime.
 */
export type SecretsStorage = 'electron-safe-storage' | 'memory';

export interface AppInfo {
  version: string;
  /** `process.platform` of the main process (kept a plain string so DOM-only code can import this). */
  platform: string;
  /** Where the server keeps secrets: encrypted with the OS keychain's key, or in memory only. */
  secretsStorage: SecretsStorage;
}

export interface IpcContract {
  'app:getInfo': { args: []; result: AppInfo };
  /** Opens an allow-listed https URL in the default browser; false when the URL is not allowed. */
  'app:openExternal': { args: [url: string]; result: boolean };
  'app:showItemInFolder': { args: [path: string]; result: void };
}

export type IpcChannel = keyof IpcContract;
export type IpcArgs<C extends IpcChannel> = IpcContract[C]['args'];
export type IpcResult<C extends IpcChannel> = IpcContract[C]['result'];

/** What the renderer sees as `window.revive` (exposed by the preload through contextBridge). */
export interface ReviveBridge {
  getInfo(): Promise<AppInfo>;
  openExternal(url: string): Promise<boolean>;
  showItemInFolder(path: string): Promise<void>;
}
