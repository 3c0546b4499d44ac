import { existsSync } from 'node:fs';
import { databasePath } from './config.js';
import { FromChildSchema, ToChildSchema, type FromChild } from './contracts/index.js';
import { createDemoDataDir, startServer, type RunningServer } from './main.js';

/**
 * The server as Electron's utilityProcess child. main/ sends the secrets key (from safeStorage)
 * first; the child answers `ready` with its URLs, or `fatal`. Logs go to the data dir's log file.
 */
interface ParentPort {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: FromChild): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) throw new Error('server/src/child.ts runs only as an Electron utilityProcess; use "revive serve" otherwise');
const port = parentPort;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

let server: RunningServer | undefined;

async function start(key: string | null): Promise<void> {
  const dataDir = arg('--data');
  if (!dataDir) throw new Error('the server child needs --data');
  if (!existsSync(databasePath(dataDir))) {
    // First run of the desktop app: start on the demo store, as browser mode does.
    await createDemoDataDir({ dataDir, electronSecretsKey: key, secretsKeyFileAllowed: false, logDestination: 'file' });
  }
  server = await startServer({ dataDir, electronSecretsKey: key, secretsKeyFileAllowed: false, logDestination: 'file' });
  port.postMessage(FromChildSchema.parse({ type: 'ready', ready: server.ready }));
}

port.on('message', ({ data }) => {
  const msg = ToChildSchema.safeParse(data);
  if (!msg.success) return;
  if (msg.data.type === 'secrets-key') {
    start(msg.data.key).catch((err: unknown) => {
      port.postMessage({ type: 'fatal', message: err instanceof Error ? err.message : String(err) });
      process.exit(1);
    });
  } else {
    void (server?.close() ?? Promise.resolve()).then(() => process.exit(0));
  }
});
