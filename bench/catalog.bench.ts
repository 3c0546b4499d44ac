import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openApp } from '../server/src/main.js';
import { summarize, type Benchmark } from './stats.js';

const ROWS = 100_000;

/** A 100,000-row stock file in the shape jewellers export: Indian amounts, purity in the metal column. */
export function stockCsv(rows: number): string {
  const metals = ['22K Gold', '18K Rose Gold', '925 Silver', 'Platinum 950', '18K White Gold', '916 Gold'];
  const kinds = ['Temple Jhumka', 'Plain Kada', 'Rani Haar', 'Solitaire Anguthi', 'Payal', 'Mangalsutra', 'Rope Chain', 'Heart Locket', 'Chandbali', 'Nath'];
  const stones = ['', 'Diamond', 'Ruby; Pearl', 'Polki; Emerald', 'Kundan', '-'];
  const lines = ['Item Code,Product Name,Metal,Gross Wt (g),Net Wt (g),Stone Details,MRP (₹),Qty In Hand,Description'];
  for (let i = 1; i <= rows; i += 1) {
    const gross = 2 + (i % 600) / 10;
    const price = 3000 + ((i * 7919) % 900_000);
    lines.push(
      [
        `BN-${String(i).padStart(6, '0')}`,
        `Design ${i} ${kinds[i % kinds.length]}`,
        metals[i % metals.length],
        gross.toFixed(2),
        (gross * 0.95).toFixed(2),
        stones[i % stones.length],
        `"${price.toLocaleString('en-IN')}"`,
        String(i % 7),
        `Handmade piece number ${i} from our ${kinds[(i * 3) % kinds.length]} collection`,
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `revive import catalog` on a 100,000-row CSV (about 11 MB) into a fresh data dir: the importer
 * as the CLI runs it (the server runs the same code between HTTP requests). Median of 3. The note
 * gives a re-import of the same file (all unchanged) and the longest event-loop stall.
 */
export const catalogImport100k: Benchmark = {
  name: 'catalog.import100k',
  description: 'import a 100k-row CSV into an empty catalog',
  async run() {
    const work = mkdtempSync(join(tmpdir(), 'revive-bench-import-'));
    const file = join(work, 'stock.csv');
    writeFileSync(file, stockCsv(ROWS));
    const times: number[] = [];
    const cpu: number[] = [];
    let reimport = 0;
    let stall = 0;
    for (let i = 0; i < 3; i += 1) {
      const app = openApp({ dataDir: join(work, `data-${i}`), logLevel: 'silent', backupsEnabled: false });
      const lag = monitorEventLoopDelay({ resolution: 10 });
      lag.enable();
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const report = await app.services.catalog.imports.importFile(file, { source: 'cli' });
      times.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
      lag.disable();
      stall = Math.max(stall, lag.max / 1e6);
      if (report.created !== ROWS) throw new Error(`expected ${ROWS} created, got ${JSON.stringify({ ...report, rejected: report.rejected.slice(0, 3) })}`);
      if (i === 0) {
        const t1 = performance.now();
        await app.services.catalog.imports.importFile(file, { source: 'cli' });
        reimport = performance.now() - t1;
      }
      app.close();
    }
    rmSync(work, { recursive: true, force: true });
    const cpuMedian = [...cpu].sort((a, b) => a - b)[1] ?? 0;
    // CPU time is shown beside wall time: on a busy machine the wall figure mostly measures the others.
    return summarize(times, `CPU ${Math.round(cpuMedian)} ms; re-import (all unchanged) ${Math.round(reimport)} ms; longest event-loop stall ${Math.round(stall)} ms; target < 10000 ms`);
  },
};
