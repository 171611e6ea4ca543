import { runService } from '@lantoa/kit';
import { auditSourceUrls, loadIdentityConfig } from './config.js';
import { startIdentityService } from './index.js';

await runService('identity', loadIdentityConfig, (config) =>
  startIdentityService({
    databaseUrl: config.DATABASE_URL,
    host: config.HOST,
    port: config.PORT,
    production: config.NODE_ENV === 'production',
    poolMax: config.DB_POOL_MAX,
    gatewaySecret: config.GATEWAY_SECRET,
    jwtSecret: config.JWT_SECRET,
    accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: config.REFRESH_TOKEN_TTL_DAYS,
    adminEmail: config.ADMIN_EMAIL,
    adminPassword: config.ADMIN_PASSWORD,
    adminOrganizationId: config.ADMIN_ORGANIZATION_ID,
    auditSources: auditSourceUrls(config),
  }),
);
