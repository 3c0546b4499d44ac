import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';

export type ServerStatus = 'starting' | 'running' | 'stopped';

export interface TrayActions {
  open(): void;
  quit(): void;
}

export function statusLabel(status: ServerStatus): string {
  if (status === 'starting') return 'Starting…';
  if (status === 'running') return 'Running';
  return 'Server stopped';
}

export function trayMenuTemplate(status: ServerStatus, actions: TrayActions): MenuItemConstructorOptions[] {
  return [
    { label: `Revive — ${statusLabel(status)}`, enabled: false },
    { type: 'separator' },
    { label: 'Open Revive', click: () => actions.open() },
    { label: 'Quit', click: () => actions.quit() },
  ];
}

export interface ReviveTray {
  setStatus(status: ServerStatus): void;
  destroy(): void;
}

export function createTray(iconPath: string, actions: TrayActions, platform = process.platform): ReviveTray {
  const image = nativeImage.createFromPath(iconPath);
  // macOS menu bars expect a 16 pt icon; Windows and Linux scale the 32 px one themselves.
  const tray = new Tray(platform === 'darwin' ? image.resize({ width: 16, height: 16 }) : image);
  tray.on('click', () => actions.open());
  const setStatus = (status: ServerStatus): void => {
    tray.setToolTip(`Revive — ${statusLabel(status)}`);
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(status, actions)));
  };
  setStatus('starting');
  return { setStatus, destroy: () => tray.destroy() };
}
