import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for Electron's UtilityProcess: messages and exits are driven by the test. */
class FakeChild extends EventEmitter {
  posted: unknown[] = [];
  killed = false;
  stdout = null;
  stderr = null;
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  kill(): boolean {
    this.killed = true;
    queueMicrotask(() => this.emit('exit', 9));
    return true;
  }
}

const forks = vi.hoisted(() => [] as Array<{ entry: string; args: string[]; options: unknown; child: unknown }>);

vi.mock('electron', () => ({
  utilityProcess: {
    fork: (entry: string, args: string[], options: unknown) => {
      const child = new FakeChild();
      forks.push({ entry, args, options, child });
      return child;
    },
  },
}));

const { startServerChild } = await import('./server-process.js');

const READY = { adminUrl: 'http://127.0.0.1:4801/?token=t', publicUrl: 'http://127.0.0.1:4802', dataDir: '/d' };

function start(readyTimeoutMs?: number) {
  const promise = startServerChild({ entry: '/app/build/node/server/src/child.js', dataDir: '/d', key: 'a2V5', readyTimeoutMs });
  const child = forks.at(-1)!.child as FakeChild;
  return { promise, child };
}

beforeEach(() => {
  forks.length = 0;
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('startServerChild', () => {
  it('forks the entry with the data dir and sends the secrets key first', () => {
    const { promise } = start();
    promise.catch(() => undefined);
    expect(forks[0]).toMatchObject({
      entry: '/app/build/node/server/src/child.js',
      args: ['--data', '/d'],
      options: { serviceName: 'Revive server', stdio: 'pipe' },
    });
    expect((forks[0]!.child as FakeChild).posted).toEqual([{ type: 'secrets-key', key: 'a2V5' }]);
  });

  it('resolves with the ready payload', async () => {
    const { promise, child } = start();
    child.emit('message', { type: 'ready', ready: READY });
    await expect(promise).resolves.toMatchObject({ ready: READY });
  });

  it('ignores messages that break the contract, then still resolves on ready', async () => {
    const { promise, child } = start();
    child.emit('message', { type: 'ready' });
    child.emit('message', { type: 'hello' });
    child.emit('message', 'ready');
    child.emit('message', { type: 'ready', ready: READY });
    await expect(promise).resolves.toMatchObject({ ready: READY });
    expect(console.warn).toHaveBeenCalledTimes(3);
  });

  it('rejects on a fatal message and kills the child', async () => {
    const { promise, child } = start();
    child.emit('message', { type: 'fatal', message: 'database is locked' });
    await expect(promise).rejects.toThrow(/database is locked/);
    expect(child.killed).toBe(true);
  });

  it('rejects when the child exits before it is ready', async () => {
    const { promise, child } = start();
    child.emit('exit', 1);
    await expect(promise).rejects.toThrow(/exited \(code 1\) before it was ready/);
  });

  it('rejects and kills the child when it never answers', async () => {
    const { promise, child } = start(20);
    await expect(promise).rejects.toThrow(/not ready/);
    expect(child.killed).toBe(true);
  });
});

describe('a running server child', () => {
  async function running() {
    const { promise, child } = start();
    child.emit('message', { type: 'ready', ready: READY });
    return { server: await promise, child };
  }

  it('stops on request: sends shutdown and resolves when the child exits', async () => {
    const { server, child } = await running();
    const crashed = vi.fn();
    server.onUnexpectedExit(crashed);
    const stopped = server.stop();
    expect(child.posted.at(-1)).toEqual({ type: 'shutdown' });
    child.emit('exit', 0);
    await stopped;
    expect(child.killed).toBe(false);
    expect(crashed).not.toHaveBeenCalled();
  });

  it('kills a child that does not stop in time', async () => {
    const { server, child } = await running();
    await server.stop(20);
    expect(child.killed).toBe(true);
  });

  it('reports a crash after ready once, and does not restart it', async () => {
    const { server, child } = await running();
    const crashed = vi.fn();
    server.onUnexpectedExit(crashed);
    child.emit('exit', 134);
    child.emit('exit', 134);
    expect(crashed).toHaveBeenCalledExactlyOnceWith(134);
    expect(forks).toHaveLength(1);
    await server.stop();
    expect(child.posted.filter((m) => (m as { type: string }).type === 'shutdown')).toHaveLength(0);
  });
});
