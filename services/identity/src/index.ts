import 'reflect-metadata';
import { buildFederatedSchema, createLogger, createOrm, migrate, startSubgraphServer, withOrm, type Orm, type RunningServer, type SubgraphSchema } from '@lantoa/kit';
import { auditVisibility } from './audit-visibility.js';
import { jwtKey, verifyDummyPassword } from './credentials.js';
import { authenticateRoute } from './internal/routes.js';
import { migrations } from './migrations/index.js';
import { ApiToken } from './modules/api-token/api-token.entity.js';
import { AuditResolver } from './modules/audit/audit.resolver.js';
import { ApiTokenResolver } from './modules/api-token/api-token.resolver.js';
import { RefreshToken } from './modules/session/refresh-token.entity.js';
import { SessionResolver } from './modules/session/session.resolver.js';
import { ensureAdmin } from './modules/user/bootstrap.js';
import { User } from './modules/user/user.entity.js';
import { resolveUserReference, UserResolver } from './modules/user/user.resolver.js';
import { seedDemoUsers } from './seed/seed.js';
import { registerSettings } from './settings.js';

export { DEMO_PASSWORD, DEMO_USERS, type DemoUser } from './seed/demo-users.js';
export { identityEnv, loadIdentityConfig, type IdentityConfig } from './config.js';
export { AUTHENTICATE_PATH, type AuthenticateRefusal, type AuthenticateRequest, type AuthenticateResponse } from './internal/authenticate.js';
export { JWT_AUDIENCE, JWT_ISSUER } from './credentials.js';

export const SUBGRAPH_NAME = 'identity';
export const entities = [User, RefreshToken, ApiToken];

export function buildIdentitySchema(): Promise<SubgraphSchema> {
  return buildFederatedSchema({ resolvers: [UserResolver, SessionResolver, ApiTokenResolver, AuditResolver] }, { User: { __resolveReference: resolveUserReference } });
}

export function createIdentityOrm(databaseUrl: string, poolMax?: number): Promise<Orm> {
  return createOrm({ clientUrl: databaseUrl, schema: SUBGRAPH_NAME, entities, migrations, poolMax });
}

/** Applies pending migrations; returns the names applied. */
export function migrateIdentity(databaseUrl: string): Promise<string[]> {
  return withOrm(() => createIdentityOrm(databaseUrl, 2), migrate);
}

/** Loads the demo users (idempotent: fixed ids, existing rows are left alone; DEMO ONLY, see DEMO_USERS). Returns rows inserted. */
export function seedIdentity(databaseUrl: string): Promise<number> {
  return withOrm(() => createIdentityOrm(databaseUrl, 2), (orm) => seedDemoUsers(orm.em.fork()));
}

export interface IdentityService extends RunningServer {
  orm: Orm;
}

/** Migrates, creates the first admin if configured, then serves the subgraph and /internal/authenticate. `port: 0` picks a free port (tests). */
export async function startIdentityService(o: {
  databaseUrl: string;
  port: number;
  host?: string;
  production?: boolean;
  poolMax?: number;
  /** Shared with the gateway: signs the caller proof. */
  gatewaySecret: string;
  /** Signs access tokens; at least 32 characters and not the gateway secret. */
  jwtSecret: string;
  accessTokenTtlSeconds?: number;
  refreshTokenTtlDays?: number;
  adminEmail?: string;
  adminPassword?: string;
  adminOrganizationId?: string | null;
  /** Subgraph name → GraphQL URL of every other subgraph, whose audit logs auditEvents merges. */
  auditSources?: Record<string, string>;
}): Promise<IdentityService> {
  if (!o.gatewaySecret || o.gatewaySecret.length < 32) throw new Error('gatewaySecret must be at least 32 characters.');
  if (!o.jwtSecret || o.jwtSecret.length < 32) throw new Error('jwtSecret must be at least 32 characters.');
  if (o.jwtSecret === o.gatewaySecret) throw new Error('jwtSecret must differ from gatewaySecret.');
  const log = createLogger(SUBGRAPH_NAME);
  const orm = await createIdentityOrm(o.databaseUrl, o.poolMax);
  try {
    await migrate(orm);
    if (o.adminEmail && o.adminPassword) await ensureAdmin(orm, log, { email: o.adminEmail, password: o.adminPassword, organizationId: o.adminOrganizationId });
    const settings = {
      jwtKey: jwtKey(o.jwtSecret),
      accessTokenTtlSeconds: o.accessTokenTtlSeconds ?? 600,
      refreshTokenTtlDays: o.refreshTokenTtlDays ?? 30,
      gatewaySecret: o.gatewaySecret,
      auditSources: o.auditSources ?? {},
    };
    registerSettings(orm, settings);
    // The dummy hash for unknown e-mails is made now, so the first such sign-in is not the slow one.
    await verifyDummyPassword('');
    const { schema } = await buildIdentitySchema();
    const server = await startSubgraphServer({
      name: SUBGRAPH_NAME,
      schema,
      orm,
      host: o.host ?? '127.0.0.1',
      port: o.port,
      log,
      production: o.production ?? false,
      gatewaySecret: o.gatewaySecret,
      routes: authenticateRoute(orm, settings, o.gatewaySecret),
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
  } catch (err) {
    await orm.close();
    throw err;
  }
}
