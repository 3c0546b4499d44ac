import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { TunnelSettingsInput, TunnelState, TunnelStatus, VerifyTokenInfo, VerifyTokenRotated } from '../contracts/index.js';
import type { Bus } from '../ops/index.js';
import type { SettingsService } from '../settings/index.js';
import { DomainError } from '../shared/errors.js';
import { nowIso } from '../shared/time.js';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.js';
import { DEFAULT_TIMINGS, openConnection, type Connection, type ConnectionTimings } from './connection.js';
import { register } from './registration.js';
import { tunnelSettings } from './tunnel-settings.js';

/** Up this long, the next drop starts the backoff from 1 s again; shorter, it keeps growing (no flapping). */
const STABLE_MS = 60_000;

export interface TunnelServiceOptions {
  settings: SettingsService;
  bus: Bus;
  log: Logger;
  /** Where the WhatsApp webhook listens on the public listener (the whatsapp domain's WEBHOOK_PATH). */
  webhookPath: string;
  /** The verify token in force (REVIVE_WA_VERIFY_TOKEN or the stored secret), from the WhatsApp config. */
  verifyToken: () => string | undefined;
  env?: NodeJS.ProcessEnv;
  backoff?: BackoffOptions;
  timings?: ConnectionTimings;
  random?: () => number;
}

/** One start()…stop(): its retries, its current connection, its counters. */
interface Run {
  abort: AbortController;
  connection: Connection | null;
  timer: NodeJS.Timeout | undefined;
  failures: number;
  everUp: boolean;
  upSince: number | null;
}

/**
 * The tunnel's lifecycle: register with the localtunnel server, hold the connections, and when
 * they drop retry with backoff (1 s → 60 s, jittered) until stopped. Only the public listener's
 * port is ever given to it (`attach`), so nothing else can be reached through it.
 */
export function createTunnelService(opts: TunnelServiceOptions) {
  const { bus, log } = opts;
  const stored = tunnelSettings(opts.settings, opts.env ?? process.env);
  const backoff = opts.backoff ?? DEFAULT_BACKOFF;
  const timings = opts.timings ?? DEFAULT_TIMINGS;

  let localPort: number | null = null;
  let run: Run | null = null;
  let state: TunnelState = 'off';
  let since: string | null = null;
  let url: string | null = null;
  let lastError: string | null = null;
  let nextRetryAt: string | null = null;
  let reconnects = 0;

  function setState(next: TunnelState, error: string | null = lastError): void {
    const changed = next !== state || error !== lastError;
    if (next !== state) since = nowIso();
    state = next;
    lastError = error;
    if (changed) bus.publish({ type: 'tunnel.state', time: nowIso(), state, url, lastError });
  }

  /** One registration and connection; every failure, thrown or rejected, ends in fail(). */
  function attempt(r: Run): void {
    nextRetryAt = null;
    void (async () => {
      try {
        const subdomain = stored.ensureSubdomain();
        const reg = await register(stored.host(), subdomain, r.abort.signal);
        if (r !== run) return;
        if (reg.id !== subdomain) log.warn({ asked: subdomain, got: reg.id }, 'the tunnel server handed out another subdomain');
        r.connection = openConnection(reg, localPort ?? 0, { up: () => onUp(r, reg.url), down: (err) => onDown(r, err) }, timings);
      } catch (err) {
        if (r === run) fail(r, err instanceof Error ? err.message : String(err));
      }
    })();
  }

  function onUp(r: Run, newUrl: string): void {
    if (r !== run) return;
    if (r.everUp) reconnects++;
    r.everUp = true;
    r.upSince = Date.now();
    url = newUrl;
    log.info({ url: newUrl }, 'tunnel up');
    setState('up', null);
    // Runs inside a socket event: a failure here (a closed database at shutdown) must not escape.
    try {
      noteUrl(newUrl);
    } catch (err) {
      log.error({ err }, 'could not record the tunnel URL');
    }
  }

  /** Keeps the last URL across restarts and announces a new one: Meta's dashboard must follow it. */
  function noteUrl(newUrl: string): void {
    const last = stored.lastUrl();
    if (last?.url === newUrl) return;
    stored.setLastUrl({ url: newUrl, previousUrl: last?.url ?? null, changedAt: last ? nowIso() : null });
    if (!last) return;
    log.warn({ from: last.url, to: newUrl }, 'the tunnel URL changed; the webhook URL in Meta’s dashboard must be updated');
    bus.publish({ type: 'tunnel.changed', time: nowIso(), url: newUrl, webhookUrl: newUrl + opts.webhookPath, previousUrl: last.url });
  }

  function onDown(r: Run, err: Error): void {
    if (r !== run) return;
    r.connection = null;
    url = null;
    if (r.upSince === null) return fail(r, err.message);
    if (Date.now() - r.upSince >= STABLE_MS) r.failures = 0;
    r.upSince = null;
    log.warn({ err: err.message }, 'tunnel dropped; reconnecting');
    setState('reconnecting', err.message);
    schedule(r);
  }

  function fail(r: Run, message: string): void {
    r.connection?.close();
    r.connection = null;
    // Offline for a day is a retry a minute: warn when the reason changes, not on every retry.
    if (message !== lastError) log.warn({ err: message }, 'tunnel attempt failed; retrying with backoff');
    else log.debug({ err: message }, 'tunnel attempt failed again');
    setState('error', message);
    schedule(r);
  }

  function schedule(r: Run): void {
    const delay = backoffDelay(r.failures++, backoff, opts.random);
    nextRetryAt = new Date(Date.now() + delay).toISOString();
    r.timer = setTimeout(() => attempt(r), delay);
  }

  function verifyTokenInfo(): VerifyTokenInfo {
    const value = opts.verifyToken();
    if (!value) return { set: false, hint: null, source: null };
    const fromSettings = opts.settings.readSecret('whatsapp.verifyToken') === value;
    return { set: true, hint: value.length >= 12 ? `••••${value.slice(-4)}` : '••••', source: fromSettings ? 'settings' : 'env' };
  }

  const service = {
    /** The public listener's port: set by the module's start(), once the listeners are bound. */
    attach(port: number): void {
      localPort = port;
    },
    status(): TunnelStatus {
      const last = stored.lastUrl();
      return {
        state,
        enabled: stored.enabled(),
        host: stored.host(),
        hostFromEnv: stored.hostFromEnv(),
        subdomain: stored.subdomain(),
        url,
        webhookUrl: url ? url + opts.webhookPath : null,
        verifyToken: verifyTokenInfo(),
        lastError,
        since,
        nextRetryAt,
        reconnects,
        urlChangedAt: last?.changedAt ?? null,
        previousUrl: last?.previousUrl ?? null,
      };
    },
    /** Starts trying (it comes up in the background); a no-op when already running. */
    start(): TunnelStatus {
      if (localPort === null) throw new DomainError('unavailable', 'The tunnel can start only while the server is running');
      if (!run) {
        run = { abort: new AbortController(), connection: null, timer: undefined, failures: 0, everUp: false, upSince: null };
        reconnects = 0;
        lastError = null;
        setState('starting', null);
        attempt(run);
      }
      return service.status();
    },
    /** Closes every connection and cancels any retry; nothing of the tunnel is left running. */
    stop(): TunnelStatus {
      const r = run;
      run = null;
      if (r) {
        r.abort.abort();
        clearTimeout(r.timer);
        r.connection?.close();
        url = null;
        nextRetryAt = null;
        log.info('tunnel stopped');
      }
      setState('off', null);
      return service.status();
    },
    /** Saves the switch and host and applies them now (when the server is running). */
    applySettings(input: TunnelSettingsInput): TunnelStatus {
      const hostBefore = stored.host();
      stored.setEnabled(input.enabled);
      if (input.host !== undefined) stored.setHost(input.host);
      if (localPort === null) return service.status();
      if (!input.enabled) return service.stop();
      if (run && stored.host() !== hostBefore) service.stop();
      return service.start();
    },
    /** Starts the tunnel with the server when the owner has switched it on. */
    autoStart(): void {
      if (stored.enabled()) service.start();
    },
    /**
     * A new random verify token, saved as the secret and returned this once for copying into
     * Meta's dashboard. Refused when REVIVE_WA_VERIFY_TOKEN is in force (a new stored one would not apply).
     */
    rotateVerifyToken(): VerifyTokenRotated {
      const current = opts.verifyToken();
      if (current !== undefined && current !== opts.settings.readSecret('whatsapp.verifyToken')) {
        throw new DomainError('conflict', 'The verify token is set by REVIVE_WA_VERIFY_TOKEN; change it there');
      }
      const value = randomBytes(24).toString('base64url');
      opts.settings.setSecret('whatsapp.verifyToken', value);
      return { value, verifyToken: verifyTokenInfo() };
    },
    /** The public URL of a path on the public listener (e.g. a product image), while the tunnel is up. */
    publicUrl(path: string): string | null {
      return url ? url + (path.startsWith('/') ? path : `/${path}`) : null;
    },
  };
  return service;
}
export type TunnelService = ReturnType<typeof createTunnelService>;
