/**
 * `npm run bench`: runs every benchmark and prints a table, or with `--json` one object
 * `{"<name>": {median, p95, unit, samples, …}, "machine": {…}}`. Each feature adds its file here.
 * Not part of `npm test`: speed is measured, never asserted in a timed test.
 */
import { apiRoundTrip, coldStart } from './server.bench.js';
import { catalogImport100k } from './catalog.bench.js';
import { contactsBenchmarks } from './contacts.bench.js';
import { webhookIngest } from './webhook.bench.js';
import { searchBenchmarks } from './search.bench.js';
import { agentBenchmarks } from './agent.bench.js';
import { streamBenchmarks } from './stream.bench.js';
import { machine, type Benchmark, type BenchResult } from './stats.js';

const BENCHMARKS: Benchmark[] = [coldStart, apiRoundTrip, webhookIngest, ...searchBenchmarks, catalogImport100k, ...contactsBenchmarks, ...agentBenchmarks, ...streamBenchmarks];

const json = process.argv.includes('--json');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const results: Record<string, BenchResult> = {};
for (const b of BENCHMARKS.filter((x) => !only || x.name.includes(only))) {
  if (!json) process.stderr.write(`running ${b.name}…\n`);
  results[b.name] = await b.run();
}
const m = machine();
if (json) {
  process.stdout.write(`${JSON.stringify({ ...results, machine: m })}\n`);
} else {
  const rows = Object.entries(results).map(([name, r]) => `${name.padEnd(24)} ${String(r.median).padStart(9)} ${String(r.p95).padStart(9)}  ${r.unit.padEnd(5)} ${String(r.samples).padStart(5)}  ${r.note ?? ''}`);
  console.log([`${'benchmark'.padEnd(24)} ${'median'.padStart(9)} ${'p95'.padStart(9)}  unit  samples`, ...rows].join('\n'));
  console.log(`\nmachine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}`);
}
