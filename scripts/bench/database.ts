import { dropDatabase, ensureDatabase, startEmbeddedPostgres, withDatabase } from '@lantoa/kit/database';
import { migrateSubgraph, openSubgraphOrm } from '@lantoa/kit';
import { subgraph as organizations } from '@lantoa/organizations';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateWork } from '../../services/directives/src/testing/generate.js';
import { generateExemplars } from '../../services/exemplars/src/testing/generate.js';
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

/** Migrates, inserts the synthetic tree, refreshes planner statistics and reads what the scenarios vary over. */
export async function prepareTree(url: string, fanout: number[], say: Say): Promise<TreeFixture> {
  await migrateSubgraph(organizations, url);
  const started = Date.now();
  const { ids } = await insertTree(url, 'bench', fanout);
  say(`Inserted ${ids.length.toLocaleString('en')} organizations in ${((Date.now() - started) / 1000).toFixed(1)} s.`);

  const orm = await openSubgraphOrm(organizations, url, 1);
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

/** Volume of the other subgraphs, over the tree: 10,000 documents, 100,000 tasks, 100,000 exemplars. */
export async function prepareWork(url: string, tree: TreeFixture, say: Say): Promise<void> {
  const started = Date.now();
  const work = await generateWork(url, { organizationIds: tree.ids, directives: 10_000, tasks: 100_000, label: 'bench' });
  await generateExemplars(url, { organizationIds: tree.ids, count: 100_000, label: 'bench' });
  say(
    `Inserted ${work.directiveIds.length.toLocaleString('en')} documents, ${work.tasks.toLocaleString('en')} tasks and 100,000 exemplars in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
}
