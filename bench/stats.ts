import { cpus, totalmem } from 'node:os';

export interface BenchResult {
  median: number;
  p95: number;
  unit: 'ms' | 'ops/s';
  samples: number;
  note?: string;
}

export interface Benchmark {
  name: string;
  description: string;
  run(): Promise<BenchResult>;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, i)] ?? Number.NaN;
}

/** Median and 95th percentile of timings in milliseconds, rounded to 0.01 ms. */
export function summarize(ms: number[], note?: string): BenchResult {
  const sorted = [...ms].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return { median: round(quantile(sorted, 0.5)), p95: round(quantile(sorted, 0.95)), unit: 'ms', samples: ms.length, ...(note ? { note } : {}) };
}

export function machine() {
  const cpu = cpus();
  return { cpus: cpu.length, cpuModel: cpu[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 1024 ** 3), node: process.version, platform: `${process.platform}-${process.arch}` };
}
