import { EventEmitter } from 'node:events';
import type { LiveMessage } from '../contracts/index.js';

/**
 * The typed in-process bus every domain publishes to and `/api/live` streams from. Minimal for
 * now (no store, no cursor); the Command Center issue adds the event log behind it.
 */
export class Bus {
  readonly #emitter = new EventEmitter();
  constructor() {
    this.#emitter.setMaxListeners(0);
  }
  publish(message: LiveMessage): void {
    this.#emitter.emit('message', message);
  }
  subscribe(listener: (message: LiveMessage) => void): () => void {
    this.#emitter.on('message', listener);
    return () => this.#emitter.off('message', listener);
  }
}
