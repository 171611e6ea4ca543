import { defineSubgraph } from '@lantoa/kit';
import { auditVisibility } from './audit-visibility.js';
import { identityEnv, identityConfigProblems, settingsFromConfig } from './config.js';
import { verifyDummyPassword } from './credentials.js';
import { authenticateRoute } from './internal/routes.js';
import { migrations } from './migrations/index.js';
import { ApiToken } from './modules/api-token/api-token.entity.js';
import { ApiTokenResolver } from './modules/api-token/api-token.resolver.js';
import { AuditResolver } from './modules/audit/audit.resolver.js';
import { RefreshToken } from './modules/session/refresh-token.entity.js';
import { SessionResolver } from './modules/session/session.resolver.js';
import { ensureAdmin } from './modules/user/bootstrap.js';
import { User } from './modules/user/user.entity.js';
import { resolveUserReference } from './modules/user/user.reference.js';
import { UserResolver } from './modules/user/user.resolver.js';
import { seedDemoUsers } from './seed/seed.js';
import { registerSettings } from './settings.js';

/** Users, sessions, API tokens, the gateway's credential check, and the merged audit log. */
export const subgraph = defineSubgraph('identity', {
  env: identityEnv,
  checkConfig: identityConfigProblems,
  entities: [User, RefreshToken, ApiToken],
  migrations,
  resolvers: [UserResolver, SessionResolver, ApiTokenResolver, AuditResolver],
  references: { User: resolveUserReference },
  auditVisibility,
  // A user's or API token's organizationId must exist and not be deleted: checked against the local replica.
  directory: true,
  seed: (em, o) => seedDemoUsers(em, o),
  async start({ orm, config, log }) {
    if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) {
      await ensureAdmin(orm, log, { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD, organizationId: config.ADMIN_ORGANIZATION_ID });
    }
    const settings = settingsFromConfig(config);
    registerSettings(orm, settings);
    // The dummy hash for unknown e-mails is made now, so the first such sign-in is not the slow one.
    await verifyDummyPassword('');
    return { routes: authenticateRoute(orm, settings, config.GATEWAY_SECRET) };
  },
});
