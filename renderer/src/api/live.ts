import { LiveMessageSchema, type LiveClientMessage, type LiveMessage, type OpsFilter } from './contracts';

export type LiveState = 'connecting' | 'open' | 'reconnecting' | 'stopped';

/** The part of the browser's WebSocket that LiveClient uses; tests inject a fake. */
export interface SocketLike {
  onopen: ((ev: Event) => void) | null;
  onclose: ((ev: CloseEvent) => void) | null;
  onerror: ((ev: Event) => void) | null;
  onmessage: ((ev: MessageEvent) => void) | null;
  close(code?: number, reason?: string): void;
  /** Client → server (the ops `subscribe`); absent on sockets that only listen. */
  send?(data: string): void;
}

/** The event-log subscription this client keeps: re-sent from the last cursor seen on every reconnect and after `ops.behind`. */
export interface OpsSubscription {
  /** Events after this cursor come first (from the store); absent: only new ones. */
  since?: number;
  filters?: OpsFilter;
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
  private opsSubscription: OpsSubscription | null = null;
  /** The highest `ops.event` cursor delivered since the last subscribe (0: none yet). */
  private opsCursor = 0;

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

  /**
   * Asks the server for the event log (`ops.event`) from `since` with `filters`, now if connected
   * and again on every reconnect — then from the last cursor delivered, so nothing is lost and
   * nothing repeats. One subscription per client: a new call replaces the previous one.
   */
  subscribeOps(subscription: OpsSubscription): void {
    this.opsSubscription = { ...subscription };
    this.opsCursor = subscription.since ?? 0;
    this.sendSubscribe();
  }

  unsubscribeOps(): void {
    if (!this.opsSubscription) return;
    this.opsSubscription = null;
    this.opsCursor = 0;
    this.transmit({ type: 'unsubscribe' });
  }

  private sendSubscribe(): void {
    const sub = this.opsSubscription;
    if (!sub) return;
    // Known cursor: resume after it. Unknown (only-new subscription, nothing seen yet): as first asked.
    const since = this.opsCursor > 0 ? this.opsCursor : sub.since;
    this.transmit({ type: 'subscribe', ...(since !== undefined ? { since } : {}), ...(sub.filters ? { filters: sub.filters } : {}) });
  }

  private transmit(message: LiveClientMessage): void {
    if (this.currentState !== 'open' || !this.socket?.send) return;
    try {
      this.socket.send(JSON.stringify(message));
    } catch {
      // A socket closing under us: the reconnect sends the subscription again.
    }
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
      this.sendSubscribe();
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
    const message = parsed.data;
    if (message.type === 'ops.event') {
      if (!this.opsSubscription || message.event.cursor <= this.opsCursor) return;
      this.opsCursor = message.event.cursor;
    } else if (message.type === 'ops.caughtUp' && this.opsSubscription) {
      // Everything matching up to here was sent: a reconnect resumes after it.
      this.opsCursor = Math.max(this.opsCursor, message.cursor);
    } else if (message.type === 'ops.behind' && this.opsSubscription) {
      // The server dropped us past `cursor`: catch up from the store from there.
      // Messages arrive in order, so everything up to our last cursor did arrive; resume after it.
      if (this.opsCursor === 0) this.opsCursor = message.cursor;
      this.sendSubscribe();
    }
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
