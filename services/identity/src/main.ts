import { ConfigError, createLogger, setLogLevel } from '@lantoa/kit';
import { auditSourceUrls, loadIdentityConfig } from './config.js';
import { startIdentityService } from './index.js';

const log = createLogger('identity');

try {
  const config = loadIdentityConfig();
  setLogLevel(config.LOG_LEVEL);
  const service = await startIdentityService({
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
  });
  let stopping = false;
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { why });
    await service.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  // Started by the launcher with an IPC channel: if the launcher dies (even by SIGKILL), so do we.
  process.on('disconnect', () => void stop('launcher exited'));
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(78); // EX_CONFIG
  }
  log.error('failed to start', { error: err });
  process.exit(1);
}
