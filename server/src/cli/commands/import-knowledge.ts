import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { databasePath } from '../../config.js';
import type { KnowledgeSource } from '../../contracts/index.js';
import { openApp } from '../../main.js';
import { DomainError } from '../../shared/errors.js';
import { output, Quiet } from '../output.js';
import { dataOption, jsonOption, type Run } from './common.js';

function human(s: KnowledgeSource): string {
  return s.status === 'ready' ? `Added "${s.name}" to the knowledge base: ${s.chunks} passages, ready to answer from.` : `Could not add "${s.name}": ${s.error ?? s.status}`;
}

/**
 * `revive import knowledge FILE`: a policy or FAQ document (text or Markdown; a website URL is
 * recorded as not supported yet). Returns once indexed; an unreadable source prints
 * status "failed" with the reason and exits 1.
 */
export function importKnowledgeCommand(group: Command, run: Run): void {
  group
    .command('knowledge')
    .description('add a document (text or Markdown, up to 10 MB) the agent answers policy questions from')
    .argument('<file>', 'the file (or a website URL: not supported yet)')
    .addOption(dataOption())
    .addOption(jsonOption())
    .action((file: string, opts: { data: string; json?: boolean }) =>
      run(opts.json, async () => {
        const url = /^https?:\/\//i.test(file);
        const path = resolve(file);
        if (!url && (!existsSync(path) || !statSync(path).isFile())) throw new DomainError('not_found', `There is no file at ${path}`);
        if (!existsSync(databasePath(opts.data))) throw new Error(`${opts.data} has no Revive database; run "revive init --data ${opts.data} --empty" first`);
        const app = openApp({ dataDir: opts.data, logLevel: 'warn', backupsEnabled: false });
        let source: KnowledgeSource;
        try {
          const knowledge = app.services.knowledge;
          source = url ? knowledge.addUrl(file) : await knowledge.addFile(basename(path), readFileSync(path));
        } finally {
          app.close();
        }
        const { id, name, kind, status, chunks } = source;
        output(Boolean(opts.json)).result({ source: { id, name, kind, status, chunks }, error: source.error }, human(source));
        if (status !== 'ready') throw new Quiet();
      }),
    );
}
