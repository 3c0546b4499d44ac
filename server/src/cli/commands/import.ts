import type { Command } from 'commander';
import type { Run } from './common.js';
import { importCatalogCommand } from './import-catalog.js';
import { importContactsCommand } from './import-contacts.js';
import { importKnowledgeCommand } from './import-knowledge.js';

/**
 * `revive import <what> FILE`: one group, one subcommand per kind of data. Later issues add theirs
 * (`import contacts`) to this list.
 */
const SUBCOMMANDS: ((group: Command, run: Run) => void)[] = [importCatalogCommand, importKnowledgeCommand, importContactsCommand];

export function importCommand(program: Command, run: Run): void {
  const group = program.command('import').description('import data into the store from a file: revive import catalog FILE');
  for (const add of SUBCOMMANDS) add(group, run);
  group.commands.forEach((c) => c.exitOverride());
}
