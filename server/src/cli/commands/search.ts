import { existsSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { databasePath } from '../../config.js';
import { SEARCH_LIMIT_MAX, type ProductHit, type SearchResult } from '../../contracts/index.js';
import { openApp } from '../../main.js';
import { output } from '../output.js';
import { dataOption, jsonOption, type Run } from './common.js';

function limitOption(): Option {
  return new Option('--limit <n>', `how many products to list (1–${SEARCH_LIMIT_MAX})`).default(10).argParser((v) => {
    const n = Number(v);
    if (!/^\d+$/.test(v) || n < 1 || n > SEARCH_LIMIT_MAX) throw new InvalidArgumentError(`"${v}" is not a number from 1 to ${SEARCH_LIMIT_MAX}`);
    return n;
  });
}

const line = (h: ProductHit) =>
  `  ${h.sku.padEnd(14)} ${h.name.slice(0, 38).padEnd(38)} ₹${h.price.toLocaleString('en-IN').padStart(10)}  ${[h.metal, h.purity].filter(Boolean).join(' ')}${h.weightGrams === null ? '' : `, ${h.weightGrams} g`}, ${h.stock ? `${h.stock} in stock` : 'out of stock'}`;

function human(r: SearchResult): string {
  const { text: _text, ...filters } = r.understood;
  const understood = Object.entries(filters).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : String(v)}`).join(', ');
  const lines = [`Understood: ${understood || 'no filters'}${r.understood.text ? ` · words "${r.understood.text}"` : ''}`];
  if (r.results.length) lines.push(`${r.results.length} matching:`, ...r.results.map(line));
  else lines.push('Nothing matches every constraint.');
  if (r.alternatives.length) {
    lines.push('Closest alternatives (not exact matches):');
    for (const a of r.alternatives) lines.push(`${line(a)}\n      ${a.relaxed.constraint}: ${a.relaxed.offered} instead of ${a.relaxed.wanted}`);
  }
  return lines.join('\n');
}

export function searchCommand(program: Command, run: Run): void {
  program
    .command('search')
    .description('search the catalog as a shopper would ask ("gold bangles under 50k")')
    .argument('<query>', "the shopper's words")
    .addOption(dataOption())
    .addOption(limitOption())
    .addOption(jsonOption())
    .action((query: string, opts: { data: string; limit: number; json?: boolean }) =>
      run(opts.json, async () => {
        if (!existsSync(databasePath(opts.data))) throw new Error(`${opts.data} has no Revive database; run "revive init" first`);
        const app = openApp({ dataDir: opts.data, logLevel: 'warn', backupsEnabled: false });
        try {
          // A fresh or just-imported data dir has no index yet: bring it up to date first.
          await app.services.search.sync();
          const result = await app.services.search.search(query, { limit: opts.limit });
          output(Boolean(opts.json)).result(result, human(result));
        } finally {
          app.close();
        }
      }),
    );
}
