import { mkdirSync } from 'node:fs';
import type { Logger } from 'pino';
import { databasePath, backupsDir, loadConfig, appVersion, type Config, type ConfigInput } from './config.js';
import type { Ready } from './contracts/index.js';
import { backupDatabase, migrate, openDatabase, startDailyBackups, type BackupInfo, type Db, type VecStatus } from './db/index.js';
import { attachLive, closeServer, createAdminApp, createPublicApp, listenLoopback, Session } from './http/index.js';
import { Bus } from './ops/index.js';
import { createSettingsService, resolveSecretsKey, settingsRoutes, type SettingsService } from './settings/index.js';
import { createLogger } from './shared/logger.js';
import { nowIso } from './shared/time.js';
import { createHealthService, systemRoutes } from './system/index.js';
import { buildDomains, type DomainModule, type Services } from './domains.js';
import { applyDemo, readDemo, type DemoSummary } from './demo/index.js';

export interface RunningServer {
  ready: Ready;
  /** The admin token (also inside ready.adminUrl) for tests and tools that use a bearer token. */
  token: string;
  adminPort: number;
  publicPort: number;
  /** The running domains' services (tests plug handlers in, as the conversation engine will). */
  services: Services;
  backup(): Promise<BackupInfo>;
  close(): Promise<void>;
}

/**
 * The composition root: reads config, opens the database, builds the services and hands them to
 * the two listeners. No module-level singletons: everything lives in this closure.
 */
export interface Core {
  config: Config;
  log: Logger;
  version: string;
  db: Db;
  dbPath: string;
  vec: VecStatus;
  migrations: number;
  bus: Bus;
  settings: SettingsService;
  backup(): Promise<BackupInfo>;
  close(): void;
}

/**
 * Opens the data dir and builds the domain services, without listeners: what the server and the
 * headless CLI commands (init, import, backup…) share.
 */
export function openCore(input: ConfigInput): Core {
  const config = loadConfig(input);
  mkdirSync(config.dataDir, { recursive: true });
  const log = createLogger({ level: config.logLevel, destination: config.logDestination, dataDir: config.dataDir });
  const dbPath = databasePath(config.dataDir);
  const { db, vec } = openDatabase(dbPath);
  if (!vec.ok) log.error({ error: vec.error }, 'sqlite-vec did not load; vector search is unavailable');
  let migrations: number;
  try {
    migrations = migrate(db).total;
  } catch (err) {
    db.close();
    throw err;
  }
  const bus = new Bus();
  const secretsKey = resolveSecretsKey({ dataDir: config.dataDir, electronKey: config.electronSecretsKey, fileAllowed: config.secretsKeyFileAllowed });
  if (secretsKey.storage === 'memory') log.warn('no key for secrets: they are kept in memory only');
  const settings = createSettingsService(db, secretsKey, ({ key }) => bus.publish({ type: 'settings.changed', time: nowIso(), key }));
  return {
    config, log, version: appVersion(), db, dbPath, vec, migrations, bus, settings,
    backup: () => backupDatabase(db, backupsDir(config.dataDir)),
    close: () => {
      db.close();
      log.flush();
    },
  };
}

export interface App extends Core {
  services: Services;
  modules: DomainModule[];
}

/** The core plus every domain's service, still without listeners or background workers. */
export function openApp(input: ConfigInput): App {
  const core = openCore(input);
  try {
    return { ...core, ...buildDomains(core) };
  } catch (err) {
    core.close();
    throw err;
  }
}

/**
 * Fills a new data dir with the demo store (first run of the desktop app or browser mode, and the
 * benchmarks). The demo files are read and checked before anything is written.
 */
export async function createDemoDataDir(input: ConfigInput): Promise<DemoSummary> {
  const demo = readDemo(loadConfig(input).resourcesDir);
  const app = openApp({ backupsEnabled: false, ...input });
  try {
    return await applyDemo(demo, { settings: app.settings, catalog: app.services.catalog, agents: app.services.agents, knowledge: app.services.knowledge });
  } finally {
    app.close();
  }
}

export async function startServer(input: ConfigInput): Promise<RunningServer> {
  const core = openApp(input);
  const { config, log, version, db, dbPath, vec, migrations, bus, settings, modules } = core;

  const session = new Session(config.sessionToken);
  let adminPort = 0;
  let publicPort = 0;
  const urls = () => ({ admin: `http://127.0.0.1:${adminPort}`, public: `http://127.0.0.1:${publicPort}` });
  const health = createHealthService({
    db, dbPath, vec, dataDir: config.dataDir, backupsDir: backupsDir(config.dataDir), migrations, version, startedAt: nowIso(), settings, urls,
  });

  const adminApp = createAdminApp({ session, port: () => adminPort, log, rendererDir: config.rendererDir, routers: [systemRoutes(health), settingsRoutes(settings), ...modules.flatMap((m) => m.adminRouters ?? [])] });
  const publicApp = createPublicApp({ log, routers: modules.flatMap((m) => m.publicRouters ?? []) });

  const admin = await listenLoopback(adminApp, config.adminPort);
  adminPort = admin.port;
  let pub: Awaited<ReturnType<typeof listenLoopback>>;
  try {
    pub = await listenLoopback(publicApp, config.publicPort);
  } catch (err) {
    await closeServer(admin.server);
    core.close();
    throw err;
  }
  publicPort = pub.port;
  const live = attachLive(admin.server, { session, port: () => adminPort, bus, log, heartbeatMs: config.heartbeatMs, version, events: core.services.ops });
  for (const m of modules) await m.start?.({ adminPort, publicPort });
  const stopBackups = config.backupsEnabled ? startDailyBackups(db, backupsDir(config.dataDir), log) : () => {};

  const ready: Ready = { adminUrl: `${urls().admin}/?token=${session.token}`, publicUrl: urls().public, dataDir: config.dataDir };
  log.info({ admin: urls().admin, public: urls().public, dataDir: config.dataDir }, 'revive server ready');

  let closing: Promise<void> | undefined;
  return {
    ready,
    token: session.token,
    adminPort,
    publicPort,
    services: core.services,
    backup: core.backup,
    close() {
      closing ??= (async () => {
        stopBackups();
        for (const m of [...modules].reverse()) await m.stop?.();
        live.close();
        await Promise.all([closeServer(admin.server), closeServer(pub.server)]);
        log.info('revive server stopped');
        core.close();
      })();
      return closing;
    },
  };
}
