import { LiveMessageSchema, type LiveMessage } from './contracts';

export type LiveState = 'connecting' | 'open' | 'reconnecting' | 'stopped';

/** The part of the browser's WebSocket that LiveClient uses; tests inject a fake. */
export interface SocketLike {
  onopen: ((ev: Event) => void) | null;
  onclose: ((ev: CloseEvent) => void) | null;
  onerror: ((ev: Event) => void) | null;
  onmessage: ((ev: MessageEvent) => void) | null;
  close(code?: number, reason?: string): void;
}

export interface LiveClientOptions {
  url: string;
  createSocket?: (url: string) => SocketLike;
  minDelayMs?: number;
  maxDelayMs?: number;
  /** The server beats every ~15 s; after this long in silence the socket is presumed dead. */
  staleAfterMs?: number;
}

type Listener<T> = (value: T) => void;

/** Keeps one connection to /api/live open, reconnecting with backoff (1 s doubling to 15 s). */
export class LiveClient {
  private socket: SocketLike | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private staleTimer: ReturnType<typeof setTimeout> | null = null;
  private delay: number;
  private currentState: LiveState = 'stopped';
  private readonly messageListeners = new Set<Listener<LiveMessage>>();
  private readonly stateListeners = new Set<Listener<LiveState>>();
  private readonly createSocket: (url: string) => SocketLike;
  private readonly minDelay: number;
  private readonly maxDelay: number;
  private readonly staleAfter: number;

  constructor(private readonly options: LiveClientOptions) {
    this.createSocket = options.createSocket ?? ((url) => new WebSocket(url));
    this.minDelay = options.minDelayMs ?? 1000;
    this.maxDelay = options.maxDelayMs ?? 15_000;
    this.staleAfter = options.staleAfterMs ?? 45_000;
    this.delay = this.minDelay;
  }

  get state(): LiveState {
    return this.currentState;
  }

  /** The wait before the next reconnect attempt. */
  get nextDelayMs(): number {
    return this.delay;
  }

  start(): void {
    if (this.currentState !== 'stopped') return;
    this.connect('connecting');
  }

  stop(): void {
    this.clearTimers();
    this.dropSocket();
    this.delay = this.minDelay;
    this.setState('stopped');
  }

  onMessage(listener: Listener<LiveMessage>): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  onState(listener: Listener<LiveState>): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  private connect(state: 'connecting' | 'reconnecting'): void {
    this.setState(state);
    let socket: SocketLike;
    try {
      socket = this.createSocket(this.options.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.delay = this.minDelay;
      this.setState('open');
      this.armStaleTimer();
    };
    socket.onmessage = (ev) => this.handleMessage(ev);
    // A failed connection fires error then close; reconnecting on close alone avoids doing it twice.
    socket.onerror = () => {};
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.scheduleReconnect();
    };
  }

  private handleMessage(ev: MessageEvent): void {
    this.armStaleTimer();
    let json: unknown;
    try {
      json = JSON.parse(String(ev.data));
    } catch {
      return;
    }
    const parsed = LiveMessageSchema.safeParse(json);
    if (!parsed.success) return;
    for (const listener of [...this.messageListeners]) listener(parsed.data);
  }

  private scheduleReconnect(): void {
    this.clearTimers();
    this.setState('reconnecting');
    const wait = this.delay;
    this.delay = Math.min(this.delay * 2, this.maxDelay);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect('reconnecting');
    }, wait);
  }

  private armStaleTimer(): void {
    if (this.staleTimer) clearTimeout(this.staleTimer);
    this.staleTimer = setTimeout(() => {
      this.staleTimer = null;
      this.dropSocket();
      this.scheduleReconnect();
    }, this.staleAfter);
  }

  private dropSocket(): void {
    const socket = this.socket;
    this.socket = null;
    if (!socket) return;
    socket.onopen = socket.onmessage = socket.onerror = socket.onclose = null;
    try {
      socket.close();
    } catch {
      // Closing a socket that never connected can throw in some browsers; it is gone either way.
    }
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.staleTimer) clearTimeout(this.staleTimer);
    this.retryTimer = this.staleTimer = null;
  }

  private setState(state: LiveState): void {
    if (state === this.currentState) return;
    this.currentState = state;
    for (const listener of [...this.stateListeners]) listener(state);
  }
}

export function liveUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/live`;
}
