import type { MigrationObject } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type express from 'express';
import type { BuildSchemaOptions } from 'type-graphql';
import { z } from 'zod';
import type { AuditVisibility } from '../audit/audit-queries.js';
import { commonEnv, gatewaySecret, port, postgresUrl } from '../config.js';
import type { Orm } from '../database/orm.js';
import type { RequestContext } from '../graphql/context.js';
import type { Logger } from '../log.js';
import { SUBGRAPHS, type SubgraphInfo } from '../services.js';
import { directoryEnv } from '../directory/feed.js';
import { directoryMigration } from '../directory/Migration20261201210000_organization_directory.js';

/** The variables every subgraph reads; a descriptor's `env` adds its own. */
export const subgraphBaseEnv = (defaultPort: number) => ({
  ...commonEnv,
  PORT: port(defaultPort),
  DATABASE_URL: postgresUrl,
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  GATEWAY_SECRET: gatewaySecret,
});

type BaseEnv = ReturnType<typeof subgraphBaseEnv>;

/** A subgraph's checked configuration: the base variables and its own. */
export type SubgraphConfig<S extends z.ZodRawShape = z.ZodRawShape> = z.infer<z.ZodObject<BaseEnv>> & z.infer<z.ZodObject<S>>;

/** `_entities` resolution for one entity type; must batch (one statement per call). */
export type ReferenceResolver = (ref: { id: string }, ctx: RequestContext) => unknown;

/** What a subgraph runs beside its GraphQL endpoint, started after migrations and stopped before the ORM closes. */
export interface SubgraphExtras {
  /** Internal endpoints, mounted before /graphql. */
  routes?: (app: express.Express) => void;
  stop?: () => Promise<void>;
}

// Functions are methods so that a descriptor with its own variables is still a SubgraphDescriptor (bivariant parameters).
export interface SubgraphParts<S extends z.ZodRawShape> {
  /** Variables beyond those every subgraph reads (docker-compose and .env.example are checked against them). */
  env?: S;
  /** Rules across variables that a zod shape cannot say; each problem is "VARIABLE: what is wrong". */
  checkConfig?(config: SubgraphConfig<S>): string[];
  entities: [new (...args: never[]) => object, ...(new (...args: never[]) => object)[]];
  /** Every migration, in order; they only ever add (tests/migrations.test.ts). */
  migrations: MigrationObject[];
  // type-graphql's own type for resolver classes.
  resolvers: BuildSchemaOptions['resolvers'];
  /**
   * Types no root field reaches that the schema must still have: another
   * subgraph's entity that this one only adds fields to (MyWork).
   */
  orphanedTypes?: BuildSchemaOptions['orphanedTypes'];
  /** Entity type name → its batched reference resolver. */
  references: Record<string, ReferenceResolver>;
  /** Who may read which of this subgraph's audit events (identity's auditEvents merges them). */
  auditVisibility: AuditVisibility;
  /** Loads the demo data idempotently (fixed ids); returns the rows inserted. */
  seed(em: EntityManager, o: { production: boolean; log: Logger }): Promise<number>;
  /**
   * Keeps a local replica of the organization tree (kit/directory): adds its
   * migration and ORGANIZATIONS_URL, follows the organizations feed while
   * running, and /readyz waits for the first sync. Scope and subtree checks
   * then need no call to the organizations subgraph.
   */
  directory?: boolean;
  /** Start-up work after migrations (first admin, settings, internal routes, background jobs). */
  start?(o: { orm: Orm; config: SubgraphConfig<S>; log: Logger }): Promise<SubgraphExtras | void>;
}

/** One subgraph, declared once: the launcher, scripts, tests and the process entry all read this. */
export interface SubgraphDescriptor<S extends z.ZodRawShape = z.ZodRawShape> extends SubgraphInfo, SubgraphParts<S> {
  /** The whole environment schema: the base variables and `env`. */
  envShape: BaseEnv & S;
}

/**
 * Declares the subgraph listed as `name` in SUBGRAPHS (services.ts), which
 * gives it its port and URL variable: the list and the folders cannot disagree.
 */
export function defineSubgraph<S extends z.ZodRawShape = Record<never, never>>(name: string, parts: SubgraphParts<S>): SubgraphDescriptor<S> {
  const info = SUBGRAPHS.find((s) => s.name === name);
  if (!info) throw new Error(`Subgraph "${name}" is not in SUBGRAPHS (services/kit/src/services.ts): add it there.`);
  return {
    ...info,
    ...parts,
    // The replica first on a new database: a subgraph's own migrations may build on it (exemplars' ancestors).
    migrations: parts.directory ? [directoryMigration, ...parts.migrations] : parts.migrations,
    envShape: { ...subgraphBaseEnv(info.port), ...(parts.directory ? directoryEnv : {}), ...(parts.env ?? ({} as S)) },
  };
}
