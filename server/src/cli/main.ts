import { Command, CommanderError } from 'commander';
import { appVersion } from '../config.js';
import { askCommand } from './commands/ask.js';
import { backupCommand } from './commands/backup.js';
import { chatCommand } from './commands/chat.js';
import { contactsCommand } from './commands/contacts.js';
import { appointmentsCommand } from './commands/appointments.js';
import type { Run } from './commands/common.js';
import { doctorCommand } from './commands/doctor.js';
import { eventsCommand } from './commands/events.js';
import { flowsCommand } from './commands/flows.js';
import { importCommand } from './commands/import.js';
import { initCommand } from './commands/init.js';
import { searchCommand } from './commands/search.js';
import { serveCommand } from './commands/serve.js';
import { priceCommand, ratesCommand } from './commands/rates.js';
import { ordersCommand } from './commands/orders.js';
import { EXIT, fail, UsageError } from './output.js';

/** Builds the `revive` program. Exposed for tests, which drive it in-process. */
export function buildProgram(state: { code: number }): Command {
  const program = new Command('revive')
    .description('Revive — the AI sales agent for your jewellery store on WhatsApp')
    .version(appVersion())
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  const run: Run = async (json, body) => {
    try {
      await body();
    } catch (err) {
      state.code = fail(err, Boolean(json));
    }
  };
  for (const add of [initCommand, serveCommand, backupCommand, doctorCommand, searchCommand, importCommand, askCommand, chatCommand, eventsCommand, contactsCommand, flowsCommand, ratesCommand, priceCommand, ordersCommand, appointmentsCommand]) add(program, run);
  program.commands.forEach((c) => c.exitOverride());
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const state = { code: EXIT.ok as number };
  const program = buildProgram(state);
  const json = argv.includes('--json');
  try {
    await program.parseAsync(argv, { from: 'user' });
    return state.code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here too, successfully.
      if (err.exitCode === 0) return EXIT.ok;
      if (json) fail(new UsageError(err.message.replace(/^error: /, '')), true);
      return EXIT.usage;
    }
    return fail(err, json);
  }
}

