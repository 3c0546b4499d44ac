import type { Command } from 'commander';
import { runChecks } from '../../system/index.js';
import { output, Quiet } from '../output.js';

/** The report is already printed; only the exit code is left to set. */
class DoctorFailed extends Quiet {}
import { dataOption, jsonOption, type Run } from './common.js';

export function doctorCommand(program: Command, run: Run): void {
  program
    .command('doctor')
    .description('check what works, what is missing, and what to do about it')
    .addOption(dataOption())
    .addOption(jsonOption())
    .action((opts: { data: string; json?: boolean }) =>
      run(opts.json, () => {
        const checks = runChecks(opts.data);
        const ok = checks.every((c) => c.ok || c.severity === 'warning');
        const human = checks
          .map((c) => `${c.ok ? '✔' : c.severity === 'error' ? '✘' : '!'} ${c.name}: ${c.detail}${!c.ok && c.fix ? `\n    → ${c.fix}` : ''}`)
          .join('\n');
        output(Boolean(opts.json)).result({ ok, checks }, `${human}\n${ok ? 'Revive is ready.' : 'Revive needs attention (see ✘ above).'}`);
        if (!ok) throw new DoctorFailed();
      }),
    );
}
