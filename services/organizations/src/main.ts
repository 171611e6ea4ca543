import { runService } from '@lantoa/kit';
import { loadOrganizationsConfig } from './config.js';
import { startOrganizationsService } from './index.js';

await runService('organizations', loadOrganizationsConfig, (config) =>
  startOrganizationsService({
    databaseUrl: config.DATABASE_URL,
    host: config.HOST,
    port: config.PORT,
    production: config.NODE_ENV === 'production',
    poolMax: config.DB_POOL_MAX,
    gatewaySecret: config.GATEWAY_SECRET,
  }),
);
