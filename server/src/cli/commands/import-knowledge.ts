import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { databasePath } from '../../config.js';
import type { KnowledgeSource } from '../../contracts/index.js';
import { openApp } from '../../main.js';
import { DomainError } from '../../shared/errors.js';
import { MAX_SOURCE_BYTES } from '../../knowledge/index.js';
import { output, Quiet } from '../output.js';
import { dataOption, jsonOption, type Run } from './common.js';

function human(s: KnowledgeSource): string {
  return s.status === 'ready' ? `Added "${s.name}" to the knowledge base: ${s.chunks} passages, ready to answer from.` : `Could not add "${s.name}": ${s.error ?? s.status}`;
}

/**
 * `revive import knowledge FILE|URL`: a policy or FAQ document (PDF, Word, text or Markdown), or the
 * store's website (`--max-pages`). Returns once indexed (a website: once read and indexed); an unreadable source prints
 * status "failed" with the reason and exits 1.
 */
export function importKnowledgeCommand(group: Command, run: Run): void {
  group
    .command('knowledge')
    .description('add a document (PDF, Word .docx, text or Markdown, up to 25 MB) the agent answers policy questions from')
    .argument('<file>', "the file, or the store's website (https://…): its About, FAQ, Shipping, Returns, Contact pages")
    .addOption(dataOption())
    .addOption(jsonOption())
    .addOption(
      new Option('--max-pages <n>', 'for a website: the most pages to read (1–200, default 25)').argParser((v) => {
        if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 200) throw new InvalidArgumentError(`"${v}" is not a number of pages (1–200)`);
        return Number(v);
      }),
    )
    .action((file: string, opts: { data: string; json?: boolean; maxPages?: number }) =>
      run(opts.json, async () => {
        const url = /^https?:\/\//i.test(file);
        const path = resolve(file);
        if (!url && (!existsSync(path) || !statSync(path).isFile())) throw new DomainError('not_found', `There is no file at ${path}`);
        if (!url && statSync(path).size > MAX_SOURCE_BYTES) throw new DomainError('payload_too_large', `${basename(path)} is ${(statSync(path).size / 1024 / 1024).toFixed(0)} MB; the largest accepted is ${MAX_SOURCE_BYTES / 1024 / 1024} MB`);
        if (!existsSync(databasePath(opts.data))) throw new Error(`${opts.data} has no Revive database; run "revive init --data ${opts.data} --empty" first`);
        const app = openApp({ dataDir: opts.data, logLevel: 'warn', backupsEnabled: false });
        let source: KnowledgeSource;
        try {
          const knowledge = app.services.knowledge;
          // A website is read in the background by the service; the command waits for it to be ready or failed
          // (a person at the terminal sees its progress on stderr; --json keeps quiet).
          if (url && !opts.json) app.bus.subscribe((m) => void (m.type === 'knowledge.source' && m.source?.progress && process.stderr.write(`${m.source.progress.message}\n`)));
          source = url ? await knowledge.settled(knowledge.addUrl(file, { maxPages: opts.maxPages }).id) : await knowledge.addFile(basename(path), readFileSync(path));
        } finally {
          app.close();
        }
        const { id, name, kind, status, chunks } = source;
        output(Boolean(opts.json)).result({ source: { id, name, kind, status, chunks }, error: source.error }, human(source));
        if (status !== 'ready') throw new Quiet();
      }),
    );
}
