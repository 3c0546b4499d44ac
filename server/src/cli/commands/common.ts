import { InvalidArgumentError, Option } from 'commander';
import { defaultDataDir } from '../data-dir.js';

/** Runs a command body and turns its outcome into an exit code (see output.ts). */
export type Run = (json: boolean | undefined, body: () => void | Promise<void>) => Promise<void>;

export function dataOption(): Option {
  return new Option('--data <dir>', 'the data dir (default: $REVIVE_DATA_DIR or the per-user app data folder)').default(
    defaultDataDir(),
    '$REVIVE_DATA_DIR or the app data folder',
  );
}

export function jsonOption(): Option {
  return new Option('--json', 'print one JSON object on stdout');
}

export function portOption(flag: string, description: string): Option {
  return new Option(flag, description).argParser((v) => {
    const n = Number(v);
    if (!/^\d+$/.test(v) || n > 65535) throw new InvalidArgumentError(`"${v}" is not a port number (0–65535; 0 picks a free port)`);
    return n;
  });
}
