import { LiveClientMessageSchema, type LiveClientMessage } from '../api/contracts';
import type { SocketLike } from '../api/live';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Stands in for the browser's WebSocket; tests drive it with open(), send() and fail(). */
export class FakeSocket implements SocketLike {
  static instances: FakeSocket[] = [];
  static latest(): FakeSocket {
    const socket = FakeSocket.instances.at(-1);
    if (!socket) throw new Error('No socket was created');
    return socket;
  }
  onopen: SocketLike['onopen'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  onmessage: SocketLike['onmessage'] = null;
  closed = false;
  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
  }
  close(): void {
    this.closed = true;
  }
  open(): void {
    this.onopen?.(new Event('open'));
  }
  fail(): void {
    this.onerror?.(new Event('error'));
    this.onclose?.(new CloseEvent('close', { code: 1006 }));
  }
  /** What the client sent to the server (its `subscribe`/`unsubscribe` messages), in order. */
  sent: LiveClientMessage[] = [];
  /**
   * Tests call this to push a server message to the client. The client calls it too (as on a real
   * WebSocket) with its own messages: those are recorded in `sent`, not delivered.
   */
  send(data: unknown): void {
    if (typeof data === 'string') {
      const own = LiveClientMessageSchema.safeParse(parseJson(data));
      if (own.success) {
        this.sent.push(own.data);
        return;
      }
    }
    this.onmessage?.(new MessageEvent('message', { data: typeof data === 'string' ? data : JSON.stringify(data) }));
  }
}
