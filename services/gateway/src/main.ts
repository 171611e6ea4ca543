import { createLogger, runService } from '@lantoa/kit';
import { loadGatewayConfig } from './config.js';
import { startGateway } from './gateway.js';

await runService('gateway', loadGatewayConfig, (config) => startGateway(config, { log: createLogger('gateway') }));
