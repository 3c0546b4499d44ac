import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StoreProfileSchema, type StoreProfile } from '../contracts/index.js';
import type { SettingsService } from '../settings/index.js';

export interface DemoSummary {
  store: string;
  products: number;
  policies: number;
}

export interface DemoStore {
  profile: StoreProfile;
  summary: DemoSummary;
}

/**
 * Reads and checks the demo files before anything is written, so a broken install never leaves a
 * half-made data dir behind.
 */
export function readDemo(resourcesDir: string): DemoStore {
  const dir = join(resourcesDir, 'demo');
  const storeFile = join(dir, 'store.json');
  if (!existsSync(storeFile)) throw new Error(`The demo store is missing (${storeFile}); reinstall Revive`);
  const profile = StoreProfileSchema.parse(JSON.parse(readFileSync(storeFile, 'utf8')));
  const catalog = join(dir, 'catalog.csv');
  const rows = existsSync(catalog) ? readFileSync(catalog, 'utf8').split(/\r?\n/).filter((l) => l.trim()).length - 1 : 0;
  const policiesDir = join(dir, 'policies');
  const policies = existsSync(policiesDir) ? readdirSync(policiesDir).filter((f) => f.endsWith('.md')).length : 0;
  return { profile, summary: { store: profile.name, products: Math.max(0, rows), policies } };
}

/**
 * The foundation's minimal demo loader: the demo store's profile and the demo flag. The catalog
 * and knowledge domains add their real imports of the demo catalog and policy documents here.
 */
export function applyDemo(demo: DemoStore, settings: SettingsService): DemoSummary {
  settings.saveStoreProfile(demo.profile);
  settings.markDemo();
  return demo.summary;
}
