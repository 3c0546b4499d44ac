import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { PRODUCT_FIELD_LABELS, type ImportFormat, type ImportMapping, type ImportReport, type ProductField, type RejectedRow } from '../../contracts/index.js';
import { nowIso } from '../../shared/time.js';
import type { CatalogChanges } from '../changes.js';
import { normaliseImage, type ImageStore, type NormalisedImage } from '../images.js';
import { checkProduct, contentHash } from '../product-check.js';
import type { ProductRepo } from '../product.repo.js';
import { resolveMapping, suggestMapping } from './mapping.js';
import { createCellReaders } from './cell-readers.js';
import { mergeRow, parseRow, planOf, type ParsedRow, type Plan } from './parse-row.js';
import { cellText, readTable, sniffFile, type Cell, type SniffedFile, type TableRow } from '../../shared/tables/read-table.js';

/** Rows per transaction; between batches the event loop runs (HTTP, the live stream, progress). */
export const BATCH_ROWS = 1000;
const SAMPLE_ROWS = 10;
const MAX_WARNINGS = 200;

export interface ScannedFile {
  format: ImportFormat;
  headers: string[];
  /** The first data rows as the spreadsheet shows them. */
  sampleRows: string[][];
  suggestedMapping: ImportMapping;
  rowCount: number;
}

/** Header (the first non-blank row), then the data rows; blank rows are skipped but keep their numbers. */
const tableOf = (path: string, sniffed: SniffedFile) => readTable(path, sniffed, 'The file has no rows: the first row should name the columns (SKU, Name, Price…)');

/** Reads the whole file once: its columns, the first rows, a suggested mapping and how many rows it has. */
export async function scanFile(path: string): Promise<ScannedFile> {
  const sniffed = await sniffFile(path);
  let headers: string[] = [];
  const samples: Cell[][] = [];
  let rowCount = 0;
  for await (const item of tableOf(path, sniffed)) {
    if ('headers' in item) {
      headers = item.headers;
      continue;
    }
    rowCount += 1;
    if (samples.length < SAMPLE_ROWS) samples.push(item.cells);
  }
  return {
    format: sniffed.format,
    headers,
    sampleRows: samples.map((r) => headers.map((_, i) => cellText(r[i] ?? null))),
    suggestedMapping: suggestMapping(headers, samples),
    rowCount,
  };
}

export interface ImportDeps {
  repo: ProductRepo;
  images: ImageStore;
  changes: CatalogChanges;
}

export interface ImportRequest {
  path: string;
  /** The user's choices, laid over the suggested mapping header by header. */
  mapping: ImportMapping | null;
  /** The mapping was remembered, not just given: columns it names that the file lacks are ignored. */
  lenientMapping?: boolean;
  dryRun: boolean;
  /** Where image paths in the file are looked up; null for uploads (no folder to read from). */
  baseDir: string | null;
  /** Data rows, when known (the preview counted them), for progress. */
  expectedRows?: number;
  onProgress?(processed: number, total: number): void;
  /** Aborting stops between batches; the batches already committed stay. */
  signal?: AbortSignal;
}

export interface RejectedWithCells extends RejectedRow {
  cells: string[];
}

export interface ImportOutcome {
  format: ImportFormat;
  headers: string[];
  report: ImportReport;
  rejectedRows: RejectedWithCells[];
}

interface Accepted {
  row: number;
  cells: Cell[];
  parsed: ParsedRow;
  image: { rel: string; img: NormalisedImage } | null;
}

/**
 * Imports a CSV or .xlsx file into the catalog: upsert by SKU in transactions of 1,000 rows,
 * created / updated / unchanged by content hash, unreadable rows reported with their spreadsheet
 * row number and reason. A later row repeating an earlier row's SKU is rejected (the earlier row
 * wins), so a file never silently overwrites itself. With `dryRun` nothing is written.
 */
export async function runImport(deps: ImportDeps, req: ImportRequest): Promise<ImportOutcome> {
  const { repo, images, changes } = deps;
  const sniffed = await sniffFile(req.path);
  const rejected: RejectedWithCells[] = [];
  const warnings: ImportReport['warnings'] = [];
  const counts = { created: 0, updated: 0, unchanged: 0, rows: 0 };
  const firstRowOfSku = new Map<string, number>();
  const written = new Set<string>();
  let headers: string[] = [];
  let mapping: ImportMapping = {};
  let plan: Plan = {};
  let pending: TableRow[] = [];
  let processed = 0;
  let imageNoticeGiven = false;
  let decided = false;
  const read = createCellReaders();

  function decide(): void {
    mapping = resolveMapping(headers, suggestMapping(headers, pending.map((p) => p.cells)), req.mapping, { lenient: req.lenientMapping ?? false });
    plan = planOf(headers, mapping);
    decided = true;
  }

  const warn = (row: number, message: string) => {
    if (warnings.length < MAX_WARNINGS) warnings.push({ row, message });
  };
  const reject = (r: TableRow, reason: string) => rejected.push({ row: r.row, reason, cells: headers.map((_, i) => cellText(r.cells[i] ?? null)) });
  const label = (path: string) => plan[path as ProductField]?.header ?? PRODUCT_FIELD_LABELS[path as ProductField] ?? path;

  async function loadImage(r: TableRow, parsed: ParsedRow): Promise<Accepted['image']> {
    if (!parsed.image) return null;
    if (req.baseDir === null) {
      if (!imageNoticeGiven) warn(r.row, 'image files are read only when importing from a folder (the catalog inbox or the command line); upload photos on the Products screen');
      imageNoticeGiven = true;
      return null;
    }
    const file = resolve(req.baseDir, parsed.image);
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
    } catch {
      warn(r.row, `image "${parsed.image}" was not found next to the spreadsheet; the product was imported without it`);
      return null;
    }
    try {
      const img = await normaliseImage(await readFile(file));
      return { rel: images.pathFor(parsed.sku, img), img };
    } catch (err) {
      warn(r.row, `image "${parsed.image}": ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  }

  async function flush(): Promise<void> {
    req.signal?.throwIfAborted();
    const batch = pending;
    pending = [];
    const accepted: Accepted[] = [];
    for (const r of batch) {
      const result = parseRow(r.cells, plan, read);
      if (result.sku) {
        const key = result.sku.toLowerCase();
        const first = firstRowOfSku.get(key);
        if (first !== undefined) {
          reject(r, `duplicate SKU "${result.sku}" also on row ${first}`);
          continue;
        }
        firstRowOfSku.set(key, r.row);
      }
      if (!result.ok) {
        reject(r, result.reason);
        continue;
      }
      accepted.push({ row: r.row, cells: r.cells, parsed: result.row, image: await loadImage(r, result.row) });
    }

    // Let the event loop run between reading the rows and writing them.
    await yieldToEventLoop();
    const upserted: string[] = [];
    const replacedImages: string[] = [];
    repo.transaction(() => {
      const time = nowIso();
      for (const a of accepted) {
        const existing = repo.get(a.parsed.sku);
        const merged = mergeRow(a.parsed, existing?.product ?? null, plan);
        if (!merged.ok) {
          reject(a, merged.reason);
          continue;
        }
        if (a.image) merged.candidate.images = [a.image.rel];
        const checked = checkProduct(merged.candidate);
        if (!checked.ok) {
          reject(a, `${label(checked.path)}: ${checked.message}`);
          continue;
        }
        const hash = contentHash(checked.product);
        if (existing && existing.hash === hash) {
          counts.unchanged += 1;
          continue;
        }
        if (existing) counts.updated += 1;
        else counts.created += 1;
        if (req.dryRun) continue;
        if (a.image && images.write(a.image.rel, a.image.img)) written.add(a.image.rel);
        if (existing) {
          repo.update(checked.product, hash, time);
          replacedImages.push(...existing.product.images.filter((i) => !checked.product.images.includes(i)));
        } else {
          repo.insert(checked.product, hash, time);
        }
        upserted.push(checked.product.sku);
      }
    });
    images.remove(replacedImages);
    changes.emit({ upserted, deleted: [] });
    processed += batch.length;
    req.onProgress?.(processed, Math.max(req.expectedRows ?? 0, processed));
    await yieldToEventLoop();
  }

  try {
    for await (const item of tableOf(req.path, sniffed)) {
      if ('headers' in item) {
        headers = item.headers;
        continue;
      }
      counts.rows += 1;
      pending.push(item);
      if (!decided) {
        // The mapping is decided once the first rows are in: the suggestion reads their values.
        if (pending.length < SAMPLE_ROWS) continue;
        decide();
      }
      if (pending.length >= BATCH_ROWS) await flush();
    }
    if (!decided) decide();
    if (pending.length > 0) await flush();
  } finally {
    // Images written for rows that ended up rejected belong to no product.
    if (written.size > 0) {
      const used = repo.referencedImages();
      images.remove([...written].filter((w) => !used.has(w)));
    }
  }

  return {
    format: sniffed.format,
    headers,
    report: {
      created: counts.created,
      updated: counts.updated,
      unchanged: counts.unchanged,
      rejected: rejected.map(({ row, reason }) => ({ row, reason })).sort((a, b) => a.row - b.row),
      mapping,
      dryRun: req.dryRun,
      rows: counts.rows,
      warnings,
    },
    rejectedRows: rejected.sort((a, b) => a.row - b.row),
  };
}
