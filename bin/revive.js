#!/usr/bin/env node
// The installed `revive` command: the compiled CLI when built, else the TypeScript source via tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../build/node/server/src/cli/bin.js', import.meta.url));
if (existsSync(built)) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../server/src/cli/bin.ts');
}
