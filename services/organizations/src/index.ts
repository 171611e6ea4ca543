import 'reflect-metadata';
import { buildFederatedSchema, createLogger, createOrm, migrate, startSubgraphServer, withOrm, type Orm, type RunningServer, type SubgraphSchema } from '@lantoa/kit';
import './audit.js';
import { migrations } from './migrations/index.js';
import { auditVisibility } from './modules/organization/organization.scope.js';
import { Organization } from './modules/organization/organization.entity.js';
import { OrganizationResolver } from './modules/organization/organization.resolver.js';
import { resolveOrganizationReference } from './modules/organization/organization.reference.js';
import { OrgSuccession } from './modules/organization/succession.entity.js';
import { SuccessionResolver } from './modules/organization/succession.resolver.js';
import { Person } from './modules/person/person.entity.js';
import { PersonResolver, resolvePersonReference } from './modules/person/person.resolver.js';
import { Position } from './modules/person/position.entity.js';
import { OrganizationPositionsResolver, PositionResolver } from './modules/person/position.resolver.js';
import { seedDemoData } from './seed/seed.js';

export const SUBGRAPH_NAME = 'organizations';
export const entities = [Organization, OrgSuccession, Person, Position];

export function buildOrganizationsSchema(): Promise<SubgraphSchema> {
  return buildFederatedSchema(
    { resolvers: [OrganizationResolver, OrganizationPositionsResolver, SuccessionResolver, PersonResolver, PositionResolver] },
    {
      Organization: { __resolveReference: resolveOrganizationReference },
      Person: { __resolveReference: resolvePersonReference },
    },
  );
}

export function createOrganizationsOrm(databaseUrl: string, poolMax?: number): Promise<Orm> {
  return createOrm({ clientUrl: databaseUrl, schema: SUBGRAPH_NAME, entities, migrations, poolMax });
}

/** Applies pending migrations; returns the names applied. */
export function migrateOrganizations(databaseUrl: string): Promise<string[]> {
  return withOrm(() => createOrganizationsOrm(databaseUrl, 2), migrate);
}

/** Loads the demo data (idempotent: fixed ids, existing rows are left alone). Returns rows inserted. */
export function seedOrganizations(databaseUrl: string): Promise<number> {
  return withOrm(() => createOrganizationsOrm(databaseUrl, 2), (orm) => seedDemoData(orm.em.fork()));
}

export interface OrganizationsService extends RunningServer {
  orm: Orm;
}

/** Migrates, then serves the subgraph. `port: 0` picks a free port (tests). */
export async function startOrganizationsService(o: {
  databaseUrl: string;
  host?: string;
  port: number;
  production?: boolean;
  poolMax?: number;
  gatewaySecret: string;
}): Promise<OrganizationsService> {
  const log = createLogger(SUBGRAPH_NAME);
  const orm = await createOrganizationsOrm(o.databaseUrl, o.poolMax);
  await migrate(orm);
  const { schema } = await buildOrganizationsSchema();
  const server = await startSubgraphServer({
    name: SUBGRAPH_NAME,
    schema,
    orm,
    host: o.host ?? '127.0.0.1',
    port: o.port,
    log,
    production: o.production ?? false,
    gatewaySecret: o.gatewaySecret,
    auditVisibility,
  });
  return {
    ...server,
    orm,
    async stop() {
      await server.stop();
      await orm.close();
    },
  };
}
