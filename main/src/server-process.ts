import { utilityProcess, type UtilityProcess } from 'electron';
import { FromChildSchema, type Ready, type ToChild } from '../../server/src/contracts/index.js';

export const READY_TIMEOUT_MS = 30_000;
export const SHUTDOWN_TIMEOUT_MS = 5_000;

export interface StartServerOptions {
  /** Compiled child entry (build/node/server/src/child.js). */
  entry: string;
  dataDir: string;
  /** From safeStorage; null keeps the server's secrets in memory only. */
  key: string | null;
  readyTimeoutMs?: number;
}

/** A running server child, after it reported ready. */
export interface ServerChild {
  readonly ready: Ready;
  /** Called once if the child exits without being asked to (a crash after ready). */
  onUnexpectedExit(listener: (code: number) => void): void;
  /** Asks the child to shut down, waits up to `timeoutMs`, then kills it. */
  stop(timeoutMs?: number): Promise<void>;
}

function send(child: UtilityProcess, message: ToChild): void {
  child.postMessage(message);
}

function delay(ms: number): Promise<'timeout'> {
  return new Promise((resolve) => setTimeout(() => resolve('timeout'), ms).unref());
}

/** stdio is piped so the child's logs reach our terminal; an undrained pipe would stall it. */
function forwardOutput(child: UtilityProcess): void {
  child.stdout?.pipe(process.stdout, { end: false });
  child.stderr?.pipe(process.stderr, { end: false });
}

function runningChild(child: UtilityProcess, ready: Ready): ServerChild {
  let exited = false;
  let stopping = false;
  const crashListeners: Array<(code: number) => void> = [];
  const exit = new Promise<void>((resolve) => {
    child.once('exit', (code: number) => {
      exited = true;
      resolve();
      if (!stopping) for (const listener of crashListeners) listener(code);
    });
  });
  return {
    ready,
    onUnexpectedExit: (listener) => void crashListeners.push(listener),
    async stop(timeoutMs = SHUTDOWN_TIMEOUT_MS) {
      stopping = true;
      if (exited) return;
      send(child, { type: 'shutdown' });
      if ((await Promise.race([exit, delay(timeoutMs)])) !== 'timeout') return;
      child.kill();
      await Promise.race([exit, delay(1_000)]);
    },
  };
}

/**
 * Forks the server in a utilityProcess (a crash there never takes the window down), hands it the
 * secrets key first, and resolves once it reports ready. Rejects on a fatal message, an exit before
 * ready, or no answer within 30 s. Messages that do not match the contract are ignored.
 */
export function startServerChild(options: StartServerOptions): Promise<ServerChild> {
  const child = utilityProcess.fork(options.entry, ['--data', options.dataDir], {
    serviceName: 'Revive server',
    stdio: 'pipe',
  });
  forwardOutput(child);
  send(child, { type: 'secrets-key', key: options.key });

  return new Promise((resolve, reject) => {
    const timeoutMs = options.readyTimeoutMs ?? READY_TIMEOUT_MS;
    const timer = setTimeout(() => fail(new Error(`server not ready after ${timeoutMs / 1000} s`), true), timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const fail = (error: Error, kill: boolean): void => {
      cleanup();
      if (kill) child.kill();
      reject(error);
    };
    const onExit = (code: number): void => fail(new Error(`server exited (code ${code}) before it was ready`), false);
    const onMessage = (raw: unknown): void => {
      const parsed = FromChildSchema.safeParse(raw);
      if (!parsed.success) {
        console.warn('[revive] ignored a malformed message from the server child');
      } else if (parsed.data.type === 'fatal') {
        fail(new Error(`server failed to start: ${parsed.data.message}`), true);
      } else {
        cleanup();
        resolve(runningChild(child, parsed.data.ready));
      }
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}
