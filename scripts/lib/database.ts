import { ensureDatabase, EmbeddedPostgresError, startEmbeddedPostgres, withDatabase } from '@lantoa/kit/database';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LauncherError, oneLine, type DatabaseConfig } from './config.js';
import { isPortFree } from './ports.js';
import { crashCounter, type SupervisorHooks } from './processes.js';

/** The database the launcher creates on the embedded server. */
export const EMBEDDED_DATABASE = 'lantoa';

export interface Database {
  url: string;
  /** One line for the banner: which server, and where its data lives. */
  where: string;
  stop(): Promise<void>;
  /** Embedded only: restart PostgreSQL when it dies, with the services' backoff and limit. */
  supervise?(hooks: SupervisorHooks): void;
}

type Say = (msg: string) => void;

/** A URL for messages: the password replaced. */
export const redact = (url: string): string => {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
};

/**
 * DATABASE_URL set: use that server as it is. Unset: run PostgreSQL from the
 * npm package with its data in dataDir (kept between runs) and a `lantoa`
 * database, so a machine with only Node runs everything.
 */
export async function openDatabase(cfg: DatabaseConfig, say: Say): Promise<Database> {
  if (cfg.databaseUrl) {
    return { url: cfg.databaseUrl, where: `PostgreSQL at ${redact(cfg.databaseUrl)} (DATABASE_URL)`, stop: async () => {} };
  }
  const { postgresDir: dataDir, embeddedPort: port } = cfg;
  const portInUse = () =>
    new LauncherError(
      `Port ${port} (EMBEDDED_PG_PORT) is already in use by another program; set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use an existing PostgreSQL.`,
    );
  // A leftover postmaster of our own data directory holds the port too; startEmbeddedPostgres stops that one.
  if (!existsSync(join(dataDir, 'postmaster.pid')) && !(await isPortFree(port))) throw portInUse();

  mkdirSync(dirname(dataDir), { recursive: true });
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  say(fresh ? `Creating a PostgreSQL data directory in ${dataDir} (first run)…` : `Starting PostgreSQL (data in ${dataDir})…`);
  let server: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
  try {
    server = await startEmbeddedPostgres({ dataDir, port, persistent: true, log: say });
  } catch (err) {
    if (err instanceof EmbeddedPostgresError && !(await isPortFree(port))) throw portInUse();
    throw err;
  }
  try {
    await ensureDatabase(server.adminUrl, EMBEDDED_DATABASE);
  } catch (err) {
    await server.stop();
    throw err;
  }

  let stopped = false;
  const abort = new AbortController();
  let restarting: Promise<void> | undefined;
  /**
   * PostgreSQL died (killed, out of memory, a crash): start it again on the
   * same data directory and port. Its crash recovery replays the WAL, so every
   * committed write is kept; the services' connection pools reconnect on
   * their own. A start that fails (old backends still holding shared memory)
   * counts as another crash.
   */
  const supervise = (hooks: SupervisorHooks) => {
    const counter = crashCounter(hooks.policy);
    const onDeath = (how: string) => {
      if (stopped || hooks.stopping()) return;
      const { delayMs, count } = counter.crashed();
      if (delayMs === undefined)
        return hooks.giveUp(`PostgreSQL stopped ${count} times within ${(hooks.policy?.windowMs ?? 60_000) / 1000} s (last: ${how}); giving up on it`);
      hooks.say(`PostgreSQL exited unexpectedly (${how}); restarting it in ${delayMs / 1000} s. The services reconnect by themselves.`);
      restarting = (async () => {
        await sleep(delayMs, undefined, { signal: abort.signal }).catch(() => undefined);
        if (stopped || hooks.stopping()) return;
        try {
          server = await startEmbeddedPostgres({ dataDir, port, persistent: true, log: say });
        } catch (err) {
          return onDeath(`failed to start again: ${oneLine(err).split('\n')[0]}`);
        }
        hooks.say('PostgreSQL is running again.');
        watch(server);
      })();
    };
    const watch = (s: typeof server) => void s.exited.then((how) => s === server && onDeath(how));
    watch(server);
  };

  return {
    url: withDatabase(server.adminUrl, EMBEDDED_DATABASE),
    where: `embedded PostgreSQL on port ${port}, data in ${dataDir}`,
    async stop() {
      stopped = true;
      abort.abort();
      await restarting?.catch(() => undefined);
      await server.stop();
    },
    supervise,
  };
}

/** Connection failures as one actionable line instead of a driver stack. */
export function describeDatabaseError(err: unknown, db: Pick<Database, 'where'>): string | undefined {
  const e = err as { code?: string; message?: string } | undefined;
  switch (e?.code) {
    case 'ECONNREFUSED':
      return `Cannot connect to ${db.where}: connection refused. Is the server running?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot connect to ${db.where}: unknown host.`;
    case '28P01':
    case '28000':
      return `Cannot connect to ${db.where}: ${e.message} (check the user and password).`;
    case '3D000':
      return `Cannot connect to ${db.where}: ${e.message}. Create it first (createdb).`;
    default:
      return undefined;
  }
}
