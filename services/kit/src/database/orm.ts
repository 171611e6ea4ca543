import { MikroORM, type EntityManager, type Options } from '@mikro-orm/postgresql';
import { SimpleLogger, type MigrationObject } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import pg from 'pg';
import { createLogger, logsAt } from '../log.js';
import { PrivateValuesPostgreSqlDriver } from './private-driver.js';
import { countStatements } from './sql-stats.js';

const sqlLog = createLogger('sql');

export interface OrmOptions {
  clientUrl: string;
  /** The subgraph's own PostgreSQL schema; no subgraph touches another's tables. */
  schema: string;
  entities: Options['entities'];
  /** Flush subscribers (the audit log's, added by the subgraph layer). */
  subscribers?: Options['subscribers'];
  migrations: MigrationObject[];
  poolMax?: number;
  /** Logs each statement (at debug level), with placeholders: values are never logged. Default: when LOG_LEVEL is debug. */
  debug?: boolean;
}

export type Orm = MikroORM;
export type { EntityManager };

export async function createOrm(o: OrmOptions): Promise<Orm> {
  const orm = await MikroORM.init({
    // No error of a failed statement carries its values (phones, e-mails, hashes): see private-driver.ts.
    driver: PrivateValuesPostgreSqlDriver,
    clientUrl: o.clientUrl,
    schema: o.schema,
    entities: o.entities,
    subscribers: o.subscribers ?? [],
    extensions: [Migrator],
    // Every request forks its own EntityManager; the global one must never hold state.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    // 'query' logs statements with placeholders; 'query-params' (values inlined) is never enabled, for any subgraph.
    debug: (o.debug ?? logsAt('debug')) ? ['query'] : false,
    loggerFactory: (options) => new SimpleLogger({ ...options, writer: (message) => sqlLog.debug(message) }),
    pool: {
      min: 0,
      max: o.poolMax ?? 10,
      // Raw SQL in services names tables without a schema; extensions live in public.
      afterCreate: (conn: { query: (sql: string, cb: (err: Error | null) => void) => void }, done: (err: Error | null, conn: unknown) => void) =>
        conn.query(`set search_path to "${o.schema}", public`, (err) => done(err, conn)),
    },
    migrations: {
      migrationsList: o.migrations,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      // The default sets session_replication_role, which needs a superuser.
      disableForeignKeys: false,
    },
  });
  countStatements(orm);
  return orm;
}

/** Applies the committed migrations that have not run yet. Migrations only add; see migrations.test.ts. */
export async function migrate(orm: Orm): Promise<string[]> {
  // Services starting together on a fresh database would race on shared objects
  // (`create extension`); one advisory lock per database makes them take turns.
  const lock = new pg.Client({ connectionString: orm.config.get('clientUrl') });
  await lock.connect();
  try {
    await lock.query("select pg_advisory_lock(hashtext('lantoa:migrations'))");
    await orm.em.execute(`create schema if not exists "${orm.config.get('schema')}"`);
    const done = await orm.getMigrator().up();
    return done.map((m) => m.name);
  } finally {
    await lock.end();
  }
}

/** Opens a small ORM for a one-off job (migrations, seeds) and always closes it. */
export async function withOrm<T>(open: () => Promise<Orm>, job: (orm: Orm) => Promise<T>): Promise<T> {
  const orm = await open();
  try {
    return await job(orm);
  } finally {
    await orm.close();
  }
}
