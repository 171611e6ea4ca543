import { dropDatabase, ensureDatabase, startEmbeddedPostgres, withDatabase } from '@lantoa/kit/database';
import { migrateSubgraph, openSubgraphOrm, type Orm } from '@lantoa/kit';
import { subgraph as organizations } from '@lantoa/organizations';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateWork } from '../../services/directives/src/testing/generate.js';
import { generateExemplars } from '../../services/exemplars/src/testing/generate.js';
import { generateMediaItems } from '../../services/media/src/testing/generate.js';
import { insertTree } from '../../services/organizations/src/testing/tree.js';
import { redact } from '../lib/database.js';
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
  /** Nodes at depth 2 ("communes"): the media items' outlets (reads do not check an outlet's type). */
  outletIds: string[];
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
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false }).catch((err: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  });
  try {
    await ensureDatabase(server.adminUrl, name);
  } catch (err) {
    await server.stop();
    throw err;
  }
  let closing: Promise<void> | undefined;
  return {
    url: withDatabase(server.adminUrl, name),
    source: 'embedded PostgreSQL (throwaway)',
    close() {
      // No need to drop the database: the whole data directory goes.
      closing ??= server.stop().then(() => say('Embedded PostgreSQL stopped and its data removed.'));
      return closing;
    },
  };
}

const seconds = (started: number) => `${((Date.now() - started) / 1000).toFixed(1)} s`;

/** Migrates, inserts the synthetic tree, refreshes planner statistics and reads what the scenarios vary over. */
export async function prepareTree(url: string, fanout: number[], say: Say): Promise<TreeFixture> {
  await migrateSubgraph(organizations, url);
  const started = Date.now();
  const { ids } = await insertTree(url, 'bench', fanout);
  say(`Inserted ${ids.length.toLocaleString('en')} organizations in ${seconds(started)}.`);

  return withSql(url, async (sql) => {
    // Fresh bulk-loaded tables have no statistics: without ANALYZE the planner guesses and we would measure its guesses.
    await sql.execute('analyze');
    const atDepth = async (depth: number) =>
      (await sql.execute<{ id: string }[]>('select id from organization where depth = ? and deleted_at is null order by id', [depth])).map((r) => r.id);
    const named = await sql.execute<{ name: string; level: string }[]>(
      'select name, level from organization where depth >= 1 and deleted_at is null order by random() limit 1000',
    );
    const [{ version }] = await sql.execute<{ version: string }[]>('select version()');
    return {
      ids,
      districtIds: await atDepth(1),
      outletIds: await atDepth(2),
      named,
      postgresVersion: version.split(' on ')[0]!,
    };
  });
}

/** One connection for a few statements of our own (any schema, named in the SQL). */
async function withSql<T>(url: string, run: (sql: ReturnType<Orm['em']['getConnection']>) => Promise<T>): Promise<T> {
  const orm = await openSubgraphOrm(organizations, url, 1);
  try {
    return await run(orm.em.getConnection());
  } finally {
    await orm.close();
  }
}

/** Volume of the other subgraphs, over the tree: 10,000 documents, 100,000 tasks and the first exemplar volume. */
export async function prepareWork(url: string, tree: TreeFixture, exemplars: number, say: Say): Promise<{ directives: number; tasks: number }> {
  const started = Date.now();
  const work = await generateWork(url, { organizationIds: tree.ids, directives: 10_000, tasks: 100_000, label: 'bench' });
  say(`Inserted ${work.directiveIds.length.toLocaleString('en')} documents and ${work.tasks.toLocaleString('en')} tasks in ${seconds(started)}.`);
  await growExemplars(url, tree, exemplars, say);
  return { directives: work.directiveIds.length, tasks: work.tasks };
}

/** Exemplars 1…count (the generator's ids are deterministic, so a larger count adds the missing ones only). */
export async function growExemplars(url: string, tree: TreeFixture, count: number, say: Say): Promise<void> {
  const started = Date.now();
  await generateExemplars(url, { organizationIds: tree.ids, count, label: 'bench' });
  say(`Exemplars now ${count.toLocaleString('en')}, inserted in ${seconds(started)}.`);
}

/**
 * After a bulk load: write the dirty pages out now (CHECKPOINT), so the
 * checkpoint it would cause later does not land in the next measurement.
 */
export async function settle(url: string, say: Say): Promise<void> {
  const started = Date.now();
  await withSql(url, (sql) => sql.execute('checkpoint'));
  say(`Checkpoint after the load in ${seconds(started)}.`);
}

/**
 * Once the exemplars subgraph's replica is filled: the exemplars loaded before it got their
 * `ancestor_ids` from the replica's inserts (a trigger updating each row), which leaves their
 * pages not all-visible. VACUUM, as autovacuum would on a live server, so the index-only
 * scans of the first volume are measured in the state production is in.
 */
export async function settleExemplars(url: string, say: Say): Promise<void> {
  const started = Date.now();
  const [{ missing }] = await withSql(url, async (sql) => {
    await sql.execute('vacuum (analyze) exemplars.exemplar');
    return sql.execute<{ missing: number }[]>('select count(*)::int as missing from exemplars.exemplar where ancestor_ids is null');
  });
  if (missing > 0) throw new Error(`${missing} exemplars have no ancestors after the replica was filled.`);
  say(`Exemplars vacuumed after the replica fill in ${seconds(started)}.`);
}

const MEDIA_ITEMS = 100_000;

/** Media items over the outlets, every third linking an exemplar: enough links that some honoured exemplars stay uncovered. */
export async function prepareMedia(url: string, tree: TreeFixture, say: Say): Promise<number> {
  const started = Date.now();
  const rows = await withSql(url, (sql) => sql.execute<{ id: string }[]>('select id from exemplars.exemplar order by id'));
  const exemplarIds = rows.map((r) => r.id);
  await generateMediaItems(url, { outletIds: tree.outletIds, exemplarIds, count: MEDIA_ITEMS, label: 'bench' });
  say(`Inserted ${MEDIA_ITEMS.toLocaleString('en')} media items over ${tree.outletIds.length} outlets in ${seconds(started)}.`);
  return MEDIA_ITEMS;
}
