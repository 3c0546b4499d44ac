import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirFor, serverEntryPath, trayIconPath } from './paths.js';

describe('paths', () => {
  it('keeps data under userData unless REVIVE_DATA_DIR is set', () => {
    expect(dataDirFor({}, '/home/a/.config/Revive')).toBe(join('/home/a/.config/Revive', 'data'));
    expect(dataDirFor({ REVIVE_DATA_DIR: '  ' }, '/u')).toBe(join('/u', 'data'));
    expect(dataDirFor({ REVIVE_DATA_DIR: '/srv/revive' }, '/u')).toBe(resolve('/srv/revive'));
    expect(dataDirFor({ REVIVE_DATA_DIR: 'rel/dir' }, '/u')).toBe(resolve('rel/dir'));
  });

  it('finds the compiled server child and the tray icon under the app root', () => {
    expect(serverEntryPath('/opt/Revive/resources/app.asar')).toBe(
      join('/opt/Revive/resources/app.asar', 'build/node/server/src/child.js'),
    );
    expect(trayIconPath('/app')).toBe(join('/app', 'resources/icons/tray.png'));
  });
});
