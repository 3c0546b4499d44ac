import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { databasePath } from '../../config.js';
import type { KnowledgeAnswer } from '../../contracts/index.js';
import { openApp } from '../../main.js';
import { output } from '../output.js';
import { dataOption, jsonOption, type Run } from './common.js';

function human(a: KnowledgeAnswer): string {
  const lines = [a.answerable ? 'The documents answer this:' : 'The documents do not answer this. Closest passages:'];
  for (const p of a.passages) lines.push(`\n  ${p.source} — ${p.location} (score ${p.score})\n  ${p.text.replace(/\s+/g, ' ').slice(0, 400)}`);
  if (!a.passages.length) lines.push('  (no documents yet: add one with "revive import knowledge FILE")');
  return lines.join('\n');
}

/** `revive ask "QUESTION"`: what the agent's search_knowledge tool would find in the store's documents. */
export function askCommand(program: Command, run: Run): void {
  program
    .command('ask')
    .description("ask the store's documents a question, as the agent does (passages with their sources)")
    .argument('<question>', "the shopper's question")
    .addOption(dataOption())
    .addOption(jsonOption())
    .action((question: string, opts: { data: string; json?: boolean }) =>
      run(opts.json, async () => {
        if (!existsSync(databasePath(opts.data))) throw new Error(`${opts.data} has no Revive database; run "revive init" first`);
        const app = openApp({ dataDir: opts.data, logLevel: 'warn', backupsEnabled: false });
        try {
          const { answerable, passages } = await app.services.knowledge.ask(question);
          output(Boolean(opts.json)).result({ answerable, passages: passages.map(({ text, source, location, score }) => ({ text, source, location, score })) }, human({ answerable, passages }));
        } finally {
          app.close();
        }
      }),
    );
}
