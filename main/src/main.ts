/**
 * Electron entry. One instance; on ready: secrets key → server child → window → tray.
 * Closing the window keeps Revive in the tray, because the server goes on answering WhatsApp;
 * Quit (tray or app menu) stops the child cleanly first.
 */
import { app, dialog, shell, type BrowserWindow } from 'electron';
import { createIpcHandlers, registerIpc } from './ipc.js';
import { dataDirFor, serverEntryPath, trayIconPath } from './paths.js';
import { getOrCreateSecretsKey } from './secrets-key.js';
import { startServerChild, type ServerChild } from './server-process.js';
import { createTray, type ReviveTray } from './tray.js';
import { createMainWindow } from './window.js';

let mainWindow: BrowserWindow | null = null;
let server: ServerChild | null = null;
let tray: ReviveTray | null = null;
let adminUrl: string | null = null;
let quitting = false;

function showWindow(): void {
  if (!adminUrl) return;
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow(adminUrl);
    mainWindow.on('close', (event) => {
      if (quitting) return;
      event.preventDefault();
      mainWindow?.hide();
    });
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function onServerCrash(code: number): Promise<void> {
  server = null;
  tray?.setStatus('stopped');
  const options = {
    type: 'error' as const,
    message: 'The Revive server stopped',
    detail: `It exited unexpectedly (code ${code}). Your data is safe. Restart Revive to go on answering customers.`,
    buttons: ['Restart Revive', 'Quit'],
    defaultId: 0,
  };
  const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
  // A restart is the user's choice, so a child that keeps crashing never loops on its own.
  if (response === 0) app.relaunch();
  app.quit();
}

async function start(): Promise<void> {
  if (process.platform === 'win32') app.setAppUserModelId('in.revive.app');
  tray = createTray(trayIconPath(app.getAppPath()), { open: showWindow, quit: () => app.quit() });
  const key = getOrCreateSecretsKey(app.getPath('userData'));
  registerIpc(
    createIpcHandlers({
      version: app.getVersion(),
      platform: process.platform,
      secretsStorage: key ? 'electron-safe-storage' : 'memory',
      openExternal: (url) => shell.openExternal(url),
      showItemInFolder: (path) => shell.showItemInFolder(path),
    }),
    () => ({
      origin: adminUrl ? new URL(adminUrl).origin : null,
      webContents: mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null,
    }),
  );
  server = await startServerChild({
    entry: serverEntryPath(app.getAppPath()),
    dataDir: dataDirFor(process.env, app.getPath('userData')),
    key,
  });
  server.onUnexpectedExit((code) => void onServerCrash(code));
  adminUrl = server.ready.adminUrl;
  tray.setStatus('running');
  showWindow();
}

function startupFailed(err: unknown): void {
  tray?.setStatus('stopped');
  dialog.showErrorBox('Revive could not start', err instanceof Error ? err.message : String(err));
  app.exit(1);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', showWindow);
  app.on('activate', showWindow);
  // Stay alive in the tray when the window is closed (this listener replaces the default quit).
  app.on('window-all-closed', () => undefined);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app.on('before-quit', (event) => {
    quitting = true;
    if (!server) return;
    event.preventDefault();
    const stopping = server;
    server = null;
    void stopping.stop().finally(() => app.quit());
  });
  app.whenReady().then(start).catch(startupFailed);
}
