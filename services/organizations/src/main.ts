import { ConfigError, createLogger, setLogLevel } from '@lantoa/kit';
import { loadOrganizationsConfig } from './config.js';
import { startOrganizationsService } from './index.js';

const log = createLogger('organizations');

try {
  const config = loadOrganizationsConfig();
  setLogLevel(config.LOG_LEVEL);
  const service = await startOrganizationsService({
    databaseUrl: config.DATABASE_URL,
    host: config.HOST,
    port: config.PORT,
    production: config.NODE_ENV === 'production',
    poolMax: config.DB_POOL_MAX,
    gatewaySecret: config.GATEWAY_SECRET,
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
