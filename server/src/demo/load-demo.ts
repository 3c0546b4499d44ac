import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CatalogService } from '../catalog/index.js';
import { StoreProfileSchema, type StoreProfile } from '../contracts/index.js';
import type { SettingsService } from '../settings/index.js';
import { DEMO_AGENTS, seedDemoAgents, type DemoAgentsTarget } from './demo-agents.js';

export interface DemoSummary {
  store: string;
  products: number;
  policies: number;
  /** Agents the demo store has (Aarav and Riya). */
  agents: number;
}

export interface DemoStore {
  profile: StoreProfile;
  /** resources/demo/catalog.csv; its Image column names files in resources/demo/images. */
  catalogFile: string | null;
  /** resources/demo/policies/*.md, loaded into the knowledge base. */
  policyFiles: string[];
  summary: DemoSummary;
}

/** What applying the demo writes to: the store profile, the catalog and (when given) the agents. */
export interface DemoTarget {
  settings: SettingsService;
  catalog: CatalogService;
  agents?: DemoAgentsTarget;
  /** The knowledge base: each policy file is added through the same path as `revive import knowledge`. */
  knowledge?: { addFile(name: string, bytes: Uint8Array): Promise<{ status: string; error: string | null }> };
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
  const policyFiles = existsSync(policiesDir) ? readdirSync(policiesDir).filter((f) => f.endsWith('.md')).sort().map((f) => join(policiesDir, f)) : [];
  return { profile, catalogFile: existsSync(catalog) ? catalog : null, policyFiles, summary: { store: profile.name, products: Math.max(0, rows), policies: policyFiles.length, agents: DEMO_AGENTS.length } };
}

/**
 * Fills a data dir with the demo store: its profile, then its catalog through the real importer
 * (images copied into `<data>/media/products/`), then its policies into the knowledge base (when
 * given). A demo row the importer rejects is a broken install, not something to skip quietly.
 */
export async function applyDemo(demo: DemoStore, target: DemoTarget): Promise<DemoSummary> {
  target.settings.saveStoreProfile(demo.profile);
  let products = 0;
  if (demo.catalogFile) {
    const report = await target.catalog.imports.importFile(demo.catalogFile, { source: 'demo' });
    const bad = report.rejected[0];
    if (bad) throw new Error(`The demo catalog has ${report.rejected.length} rows Revive cannot read (row ${bad.row}: ${bad.reason}); reinstall Revive`);
    products = report.created + report.updated + report.unchanged;
  }
  if (target.knowledge) {
    for (const file of demo.policyFiles) {
      const source = await target.knowledge.addFile(basename(file), readFileSync(file));
      if (source.status !== 'ready') throw new Error(`The demo policy ${basename(file)} could not be read (${source.error ?? source.status}); reinstall Revive`);
    }
  }
  const agents = target.agents ? await seedDemoAgents(target.agents) : 0;
  target.settings.markDemo();
  return { ...demo.summary, products, agents };
}
