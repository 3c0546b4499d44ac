import { describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  trays: [] as Array<{ image: unknown; tooltip: string; menu: unknown; listeners: Map<string, () => void> }>,
  resized: [] as unknown[],
}));

vi.mock('electron', () => {
  class Tray {
    record = { image: undefined as unknown, tooltip: '', menu: undefined as unknown, listeners: new Map<string, () => void>() };
    constructor(image: unknown) {
      this.record.image = image;
      fake.trays.push(this.record);
    }
    on(event: string, listener: () => void) {
      this.record.listeners.set(event, listener);
    }
    setToolTip(text: string) {
      this.record.tooltip = text;
    }
    setContextMenu(menu: unknown) {
      this.record.menu = menu;
    }
    destroy() {}
  }
  const image = {
    resize: (size: unknown) => {
      fake.resized.push(size);
      return 'small-image';
    },
  };
  return {
    Tray,
    Menu: { buildFromTemplate: (template: unknown) => ({ template }) },
    nativeImage: { createFromPath: () => image },
  };
});

const { createTray, statusLabel, trayMenuTemplate } = await import('./tray.js');

describe('tray', () => {
  it('labels each server status', () => {
    expect([statusLabel('starting'), statusLabel('running'), statusLabel('stopped')]).toEqual([
      'Starting…',
      'Running',
      'Server stopped',
    ]);
  });

  it('offers Open Revive and Quit under a status line', () => {
    const actions = { open: vi.fn(), quit: vi.fn() };
    const template = trayMenuTemplate('running', actions);
    expect(template.map((item) => item.label ?? item.type)).toEqual(['Revive — Running', 'separator', 'Open Revive', 'Quit']);
    expect(template[0]?.enabled).toBe(false);
    template[2]?.click?.({} as never, undefined, {} as never);
    template[3]?.click?.({} as never, undefined, {} as never);
    expect(actions.open).toHaveBeenCalledOnce();
    expect(actions.quit).toHaveBeenCalledOnce();
  });

  it('starts as Starting…, follows the status, and opens the window on click', () => {
    const actions = { open: vi.fn(), quit: vi.fn() };
    const tray = createTray('/app/resources/icons/tray.png', actions, 'linux');
    const record = fake.trays.at(-1)!;
    expect(record.tooltip).toBe('Revive — Starting…');
    tray.setStatus('stopped');
    expect(record.tooltip).toBe('Revive — Server stopped');
    expect(record.menu).toMatchObject({ template: [{ label: 'Revive — Server stopped' }, {}, {}, {}] });
    record.listeners.get('click')?.();
    expect(actions.open).toHaveBeenCalledOnce();
  });

  it('shrinks the icon for the macOS menu bar', () => {
    createTray('/icon.png', { open: vi.fn(), quit: vi.fn() }, 'darwin');
    expect(fake.trays.at(-1)?.image).toBe('small-image');
    expect(fake.resized).toEqual([{ width: 16, height: 16 }]);
  });
});
