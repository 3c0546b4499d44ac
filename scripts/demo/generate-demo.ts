/**
 * Regenerates the demo catalogue and its pictures:
 *   npx tsx scripts/demo/generate-demo.ts
 * Writes resources/demo/catalog.csv and resources/demo/images/<SKU>.png. Deterministic: running it
 * twice gives byte-identical files. store.json and policies/*.md are hand-written and left alone.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { productSvg, renderPng } from './draw.js';
import { generateProducts, productsToCsv } from './products.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const DEMO_DIR = path.resolve(here, '../../resources/demo');

async function writeIfChanged(file: string, data: string | Buffer): Promise<boolean> {
  const next = typeof data === 'string' ? Buffer.from(data) : data;
  const prev = await readFile(file).catch(() => null);
  if (prev && prev.equals(next)) return false;
  await writeFile(file, next);
  return true;
}

async function main(): Promise<void> {
  const products = generateProducts();
  const imagesDir = path.join(DEMO_DIR, 'images');
  await mkdir(imagesDir, { recursive: true });
  await writeIfChanged(path.join(DEMO_DIR, 'catalog.csv'), productsToCsv(products));

  let changed = 0;
  for (const p of products) {
    if (await writeIfChanged(path.join(DEMO_DIR, p.image), await renderPng(productSvg(p)))) changed += 1;
  }
  const wanted = new Set(products.map((p) => path.basename(p.image)));
  for (const name of await readdir(imagesDir)) {
    if (name.endsWith('.png') && !wanted.has(name)) await rm(path.join(imagesDir, name));
  }
  console.log(`${products.length} products; ${changed} images written to ${path.relative(process.cwd(), imagesDir)}`);
}

await main();
