import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ ipcMain: {} }));
const { createIpcHandlers } = await import('./ipc.js');

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const preloadPath = join(here, 'preload', 'preload.ts');

/** Compiles preload.ts exactly as `npm run build:node` does (tsconfig.build.json). */
function emitPreload(): { code: string; diagnostics: readonly ts.Diagnostic[] } {
  const configFile = ts.readConfigFile(join(root, 'tsconfig.build.json'), (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);
  const program = ts.createProgram({ rootNames: [preloadPath], options: { ...parsed.options, sourceMap: false } });
  let code = '';
  program.emit(program.getSourceFile(preloadPath), (name, text) => {
    if (name.endsWith('preload.js')) code = text;
  });
  return { code, diagnostics: ts.getPreEmitDiagnostics(program) };
}

/** Runs the emitted script the way a sandboxed renderer does: CommonJS, only 'electron' to require. */
function runSandboxed(code: string) {
  const exposed = new Map<string, unknown>();
  const invoke = vi.fn(async (..._args: unknown[]) => 'result');
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer: { invoke },
  };
  const sandboxRequire = (id: string): unknown => {
    if (id === 'electron') return electron;
    throw new Error(`module not found in the sandbox: ${id}`);
  };
  const module = { exports: {} };
  const wrapper = vm.runInNewContext(`(function (exports, require, module) {\n${code}\n})`, {}) as (
    ...args: unknown[]
  ) => void;
  wrapper(module.exports, sandboxRequire, module);
  return { exposed, invoke };
}

describe('preload', () => {
  const { code, diagnostics } = emitPreload();

  it('compiles cleanly to CommonJS that requires nothing but electron', () => {
    expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
    expect(code).toContain('require("electron")');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
  });

  it('exposes only typed invokers as window.revive, one per contract channel', async () => {
    const { exposed, invoke } = runSandboxed(code);
    expect([...exposed.keys()]).toEqual(['revive']);
    const bridge = exposed.get('revive') as Record<string, (...args: unknown[]) => Promise<unknown>>;
    expect(Object.keys(bridge).sort()).toEqual(['getInfo', 'openExternal', 'showItemInFolder']);
    expect(Object.values(bridge).every((value) => typeof value === 'function')).toBe(true);

    await bridge.getInfo!();
    await expect(bridge.openExternal!('https://wa.me/1')).resolves.toBe('result');
    await bridge.showItemInFolder!('/tmp/a.csv');
    expect(invoke.mock.calls).toEqual([
      ['app:getInfo'],
      ['app:openExternal', 'https://wa.me/1'],
      ['app:showItemInFolder', '/tmp/a.csv'],
    ]);

    const registered = Object.keys(createIpcHandlers({} as never)).sort();
    expect(invoke.mock.calls.map((call) => call[0]).sort()).toEqual(registered);
  });
});
