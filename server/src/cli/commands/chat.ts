import { existsSync, readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { databasePath } from '../../config.js';
import type { ChatResult } from '../../contracts/index.js';
import { renderOutbound, textPayload } from '../../conversations/index.js';
import { normalizePhone } from '../../crm/index.js';
import { openApp } from '../../main.js';
import type { GraphMessage } from '../../whatsapp/index.js';
import { output, UsageError } from '../output.js';
import { dataOption, jsonOption, type Run } from './common.js';

/** A payload file holds one messages[] object; a whole webhook body is accepted too (its first message). */
function readPayload(file: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ENOENT') throw new UsageError(`--payload ${file}: no such file`);
    throw new UsageError(`--payload ${file} is not JSON: ${(err as Error).message}`);
  }
  const entry = (value as { entry?: { changes?: { value?: { messages?: unknown[] } }[] }[] } | null)?.entry;
  const message = Array.isArray(entry) ? entry[0]?.changes?.[0]?.value?.messages?.[0] : value;
  if (!message || typeof message !== 'object' || Array.isArray(message)) throw new UsageError(`--payload ${file} must hold one WhatsApp messages[] object`);
  return message as Record<string, unknown>;
}

function human(r: ChatResult): string {
  if (r.replies.length === 0) return '(no reply: the conversation is with a person, or the agent is paused)';
  return r.replies.map((p) => `→ ${renderOutbound(p as unknown as GraphMessage)}`).join('\n');
}

export function chatCommand(program: Command, run: Run): void {
  program
    .command('chat')
    .description('send one shopper message through the real agent (nothing goes to WhatsApp); history stays in the data dir')
    .argument('[text]', "the shopper's words")
    .addOption(dataOption())
    .addOption(new Option('--from <phone>', "the shopper's phone number, e.g. +919876543210").makeOptionMandatory())
    .option('--agent <name>', 'talk to this agent (default: the thread’s agent, else the default agent)')
    .option('--name <name>', "the shopper's WhatsApp profile name")
    .option('--payload <file>', 'a JSON file with one raw messages[] object as Meta sends it (button reply, list choice, order, Flow reply), instead of text')
    .addOption(jsonOption())
    .action((text: string | undefined, opts: { data: string; from: string; agent?: string; name?: string; payload?: string; json?: boolean }) =>
      run(opts.json, async () => {
        if (text !== undefined && opts.payload) throw new UsageError('give either the text or --payload, not both');
        if (text === undefined && !opts.payload) throw new UsageError('say something: revive chat "gold bangles under 50k" --from +919876543210');
        if (text !== undefined && !text.trim()) throw new UsageError('the text is empty');
        if (!normalizePhone(opts.from)) throw new UsageError(`--from ${opts.from} is not a phone number; use the international form, e.g. +919876543210`);
        const message = opts.payload ? readPayload(opts.payload) : textPayload(text as string);
        if (!existsSync(databasePath(opts.data))) throw new Error(`${opts.data} has no Revive database; run "revive init" first`);
        const app = openApp({ dataDir: opts.data, logLevel: 'warn', backupsEnabled: false });
        try {
          await app.services.search.sync();
          const result = await app.services.conversations.chat({
            channel: 'cli', phone: opts.from, message, ...(opts.name ? { name: opts.name } : {}), ...(opts.agent ? { agentName: opts.agent } : {}),
          });
          output(Boolean(opts.json)).result(result, human(result));
        } finally {
          app.close();
        }
      }),
    );
}
