import type { z } from 'zod';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { AuditSubscriber } from '../audit/audit-subscriber.js';
import { ConfigError, loadConfig } from '../config.js';
import { createOrm, migrate, withOrm, type Orm } from '../database/orm.js';
import { buildFederatedSchema, type SubgraphSchema } from '../graphql/schema.js';
import { startSubgraphServer, type RunningServer } from '../http/subgraph-server.js';
import { createLogger } from '../log.js';
import { runService } from '../process.js';
import { organizationFeedUrl } from '../directory/feed.js';
import { startDirectoryFollower, type DirectoryFollower } from '../directory/follower.js';
import type { SubgraphConfig, SubgraphDescriptor, SubgraphExtras } from './descriptor.js';

type Env = Record<string, string | undefined>;
/** Any subgraph's descriptor, whatever its own variables. */
export type AnyDescriptor = SubgraphDescriptor<z.ZodRawShape>;

/** Checks the environment against the descriptor (every bad variable named at once, ConfigError). */
export function loadSubgraphConfig(d: AnyDescriptor, env: Env = process.env): SubgraphConfig {
  const config = loadConfig(d.envShape, env) as SubgraphConfig;
  const problems = d.checkConfig?.(config) ?? [];
  if (problems.length) throw new ConfigError(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return config;
}

/** The subgraph's ORM on its own PostgreSQL schema, with its audit log written in the same flush as each change. */
export function openSubgraphOrm(d: AnyDescriptor, databaseUrl: string, poolMax?: number): Promise<Orm> {
  return createOrm({
    clientUrl: databaseUrl,
    schema: d.name,
    entities: [...d.entities, AuditEvent],
    subscribers: [new AuditSubscriber()],
    migrations: d.migrations,
    poolMax,
  });
}

/** Applies pending migrations; returns the names applied. */
export const migrateSubgraph = (d: AnyDescriptor, databaseUrl: string): Promise<string[]> => withOrm(() => openSubgraphOrm(d, databaseUrl, 2), migrate);

/** Loads the demo data (idempotent); returns the rows inserted. */
export const seedSubgraph = (d: AnyDescriptor, databaseUrl: string, o: { production?: boolean } = {}): Promise<number> =>
  withOrm(
    () => openSubgraphOrm(d, databaseUrl, 2),
    (orm) => d.seed(orm.em.fork(), { production: o.production ?? false, log: createLogger(d.name) }),
  );

/** The federated schema and the SDL written to schema/<name>.graphql. */
export const buildSubgraphSchema = (d: AnyDescriptor): Promise<SubgraphSchema> =>
  buildFederatedSchema(
    { resolvers: d.resolvers, orphanedTypes: d.orphanedTypes },
    Object.fromEntries(Object.entries(d.references).map(([type, resolve]) => [type, { __resolveReference: resolve as never }])),
  );

export interface RunningSubgraph extends RunningServer {
  orm: Orm;
  config: SubgraphConfig;
}

/**
 * Migrates, runs the descriptor's start-up work, then serves. Whatever fails
 * on the way is undone in reverse (extras stopped, ORM closed), so a failed
 * start leaves no pool or timer behind. `PORT=0` picks a free port (tests).
 */
export async function startSubgraphFromConfig(d: AnyDescriptor, config: SubgraphConfig): Promise<RunningSubgraph> {
  const log = createLogger(d.name);
  const orm = await openSubgraphOrm(d, config.DATABASE_URL, config.DB_POOL_MAX);
  let extras: SubgraphExtras | void = undefined;
  let follower: DirectoryFollower | undefined;
  try {
    await migrate(orm);
    if (d.directory) {
      follower = startDirectoryFollower({
        orm,
        feedUrl: organizationFeedUrl(String(config.ORGANIZATIONS_URL)),
        gatewaySecret: config.GATEWAY_SECRET,
        log,
        service: d.name,
      });
    }
    extras = await d.start?.({ orm, config, log });
    const { schema } = await buildSubgraphSchema(d);
    const server = await startSubgraphServer({
      name: d.name,
      schema,
      orm,
      host: config.HOST,
      port: config.PORT,
      log,
      production: config.NODE_ENV === 'production',
      gatewaySecret: config.GATEWAY_SECRET,
      routes: extras?.routes,
      auditVisibility: d.auditVisibility,
      notReadyBecause: () => (follower && !follower.isReady() ? 'the organization directory has not synced yet' : null),
    });
    return {
      ...server,
      orm,
      config,
      async stop() {
        await server.stop();
        await extras?.stop?.();
        await follower?.stop();
        await orm.close();
      },
    };
  } catch (err) {
    await extras?.stop?.().catch(() => {});
    await follower?.stop().catch(() => {});
    await orm.close();
    throw err;
  }
}

/** startSubgraphFromConfig from environment variables (tests pass e.g. `{ DATABASE_URL, PORT: '0', GATEWAY_SECRET }`). */
export const startSubgraph = async (d: AnyDescriptor, env: Env): Promise<RunningSubgraph> => startSubgraphFromConfig(d, loadSubgraphConfig(d, env));

/** The process entry of every subgraph (its main.ts): config checked, started, stopped once on a signal. */
export const runSubgraph = (d: AnyDescriptor): Promise<void> =>
  runService(
    d.name,
    () => loadSubgraphConfig(d),
    (config) => startSubgraphFromConfig(d, config),
  );
