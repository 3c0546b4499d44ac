import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Reads the small YAML subset electron-builder.yml uses (scalars, one level of nesting, lists)
 * into flat keys: `appId`, `directories.output`, `asarUnpack` (list). No YAML dependency needed.
 */
function readFlatYaml(text: string): Map<string, string | string[]> {
  const result = new Map<string, string | string[]>();
  let section = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+#.*$/, '').replace(/^#.*$/, '');
    if (!line.trim()) continue;
    const unquote = (value: string) => value.trim().replace(/^(["'])(.*)\1$/, '$2');
    const top = /^([\w.-]+):\s*(.*)$/.exec(line);
    const nested = /^\s+([\w.-]+):\s*(.*)$/.exec(line);
    const item = /^\s*-\s+(.*)$/.exec(line);
    if (top) {
      section = top[1]!;
      if (top[2]) result.set(section, unquote(top[2]));
    } else if (item) {
      const list = result.get(section);
      result.set(section, [...(Array.isArray(list) ? list : []), unquote(item[1]!)]);
    } else if (nested) {
      result.set(`${section}.${nested[1]}`, unquote(nested[2]!));
    }
  }
  return result;
}

describe('electron-builder.yml', () => {
  const config = readFlatYaml(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));

  it('names the app', () => {
    expect(config.get('appId')).toBe('in.revive.app');
    expect(config.get('productName')).toBe('Revive');
    expect(config.get('directories.output')).toBe('dist');
  });

  it('unpacks native modules from the asar (SQLite, sqlite-vec, sharp and its libvips)', () => {
    expect(config.get('asarUnpack')).toEqual(
      expect.arrayContaining([
        'node_modules/better-sqlite3/**',
        'node_modules/sqlite-vec*/**',
        'node_modules/sharp/**',
        'node_modules/@img/**',
      ]),
    );
    expect(config.get('npmRebuild')).toBe('true');
  });

  it('ships the compiled code, package.json and resources', () => {
    expect(config.get('files')).toEqual(expect.arrayContaining(['build/**', 'package.json', 'resources/**']));
    expect(config.get('asarUnpack')).toContain('resources/**');
  });

  it('builds an installer for each desktop platform', () => {
    expect(config.get('win.target')).toBe('nsis');
    expect(config.get('mac.target')).toBe('dmg');
    expect(config.get('linux.target')).toBe('AppImage');
  });

  it('points at icons that exist', () => {
    for (const key of ['win.icon', 'mac.icon', 'linux.icon']) {
      const icon = config.get(key);
      expect(typeof icon).toBe('string');
      expect(readFileSync(join(root, icon as string)).subarray(1, 4).toString()).toBe('PNG');
    }
    expect(readFileSync(join(root, 'resources/icons/tray.png')).subarray(1, 4).toString()).toBe('PNG');
  });
});
