import { existsSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { databasePath } from '../../config.js';
import type { MetalRates, PriceQuote, RepriceResult } from '../../contracts/index.js';
import { openApp, type App } from '../../main.js';
import { output } from '../output.js';
import { dataOption, jsonOption, type Run } from './common.js';

const inr = (n: number) => `₹${n.toLocaleString('en-IN')}`;
const rupeesPerGram = (v: string) => {
  if (!/^\d+$/.test(v)) throw new InvalidArgumentError(`"${v}" is not whole rupees per gram (e.g. 7850)`);
  return Number(v);
};

function withApp<T>(dataDir: string, body: (app: App) => T | Promise<T>): Promise<T> {
  if (!existsSync(databasePath(dataDir))) throw new Error(`${dataDir} has no Revive database; run "revive init" first`);
  const app = openApp({ dataDir, logLevel: 'warn', backupsEnabled: false });
  return Promise.resolve()
    .then(() => body(app))
    .finally(() => {
      app.services.ops.flush(); // the SYNC event reaches the Matrix's log before the database closes
      app.close();
    });
}

function ratesText(r: MetalRates): string {
  const parts = [r.gold24 === null ? null : `Gold 24K ${inr(r.gold24)}/g`, r.silver === null ? null : `Silver ${inr(r.silver)}/g`, r.platinum === null ? null : `Platinum ${inr(r.platinum)}/g`];
  return `${parts.filter(Boolean).join(', ')} (as of ${r.asOf}, ${r.source})`;
}
function repriceText(r: RepriceResult): string {
  const lines = [`${r.repriced.length} product${r.repriced.length === 1 ? '' : 's'} repriced`, ...r.repriced.slice(0, 20).map((x) => `  ${x.sku.padEnd(16)} ${inr(x.from)} → ${inr(x.to)}`)];
  if (r.repriced.length > 20) lines.push(`  … and ${r.repriced.length - 20} more`);
  if (r.skipped.length) lines.push(`${r.skipped.length} not priced by weight now:`, ...r.skipped.map((s) => `  ${s.sku}: ${s.reason}`));
  return lines.join('\n');
}

/** `revive rates set|show`: today's metal rates per gram; a change reprices the products priced by weight. */
export function ratesCommand(program: Command, run: Run): void {
  const rates = program.command('rates').description("today's gold, silver and platinum rates per gram (they price the products priced by weight)");
  rates
    .command('set')
    .description('set rates by hand (the metals not given keep their rate); reprices the products priced by weight')
    .addOption(new Option('--gold24 <rupees>', '24K gold, whole rupees per gram').argParser(rupeesPerGram).makeOptionMandatory())
    .addOption(new Option('--silver <rupees>', 'silver (999), whole rupees per gram').argParser(rupeesPerGram))
    .addOption(new Option('--platinum <rupees>', 'platinum, whole rupees per gram').argParser(rupeesPerGram))
    .addOption(dataOption())
    .addOption(jsonOption())
    .action((opts: { gold24: number; silver?: number; platinum?: number; data: string; json?: boolean }) =>
      run(opts.json, () =>
        withApp(opts.data, (app) => {
          const result = app.services.rates.set({ gold24: opts.gold24, silver: opts.silver, platinum: opts.platinum });
          output(Boolean(opts.json)).result(result, `${ratesText(result.rates)}\n${repriceText(result.reprice)}`);
        }),
      ),
    );
  rates
    .command('show')
    .description("print today's rates and the feed's settings")
    .addOption(dataOption())
    .addOption(jsonOption())
    .action((opts: { data: string; json?: boolean }) =>
      run(opts.json, () =>
        withApp(opts.data, (app) => {
          const state = app.services.rates.state();
          const feed = state.feed.url ? `Feed: ${state.feed.url} every ${state.feed.intervalMinutes} min${state.feed.lastError ? ` — last fetch refused: ${state.feed.lastError}` : ''}` : 'No rate feed set.';
          output(Boolean(opts.json)).result(state, `${state.rates ? ratesText(state.rates) : 'No rates set yet: revive rates set --gold24 RUPEES_PER_GRAM'}\n${feed}`);
        }),
      ),
    );
  rates.commands.forEach((c) => c.exitOverride());
}

function quoteText(q: PriceQuote): string {
  if (!q.breakup || !q.rate) return `${q.sku} ${inr(q.price)} (a fixed catalog price, not priced by weight)`;
  const b = q.breakup;
  return [
    `${q.sku} ${inr(q.price)}`,
    `  metal     ${inr(b.metal)}  (${q.rate.metal} ${q.rate.purity} × ${inr(q.rate.perGram)}/g × ${q.rate.purityFactor}, rate as of ${q.rate.asOf})`,
    `  making    ${inr(b.making)}`,
    `  stones    ${inr(b.stones)}`,
    `  hallmark  ${inr(b.hallmark)}`,
    `  GST 3%    ${inr(b.gst)}`,
  ].join('\n');
}

/** `revive price SKU`: a product's price and its breakup with today's rates. */
export function priceCommand(program: Command, run: Run): void {
  program
    .command('price')
    .description("a product's price and how it is made up (metal, making, stones, hallmark, GST) with today's rates")
    .argument('<sku>', 'the product code')
    .addOption(dataOption())
    .addOption(jsonOption())
    .action((sku: string, opts: { data: string; json?: boolean }) =>
      run(opts.json, () =>
        withApp(opts.data, (app) => {
          const q = app.services.pricing.quote(sku);
          output(Boolean(opts.json)).result({ sku: q.sku, price: q.price, breakup: q.breakup, rate: q.rate }, quoteText(q));
        }),
      ),
    );
}
