import { ConfigError, createLogger, setLogLevel } from '@lantoa/kit';
import { loadGatewayConfig } from './config.js';
import { startGateway } from './gateway.js';

const log = createLogger('gateway');

try {
  const config = loadGatewayConfig();
  setLogLevel(config.LOG_LEVEL);
  const gateway = await startGateway(config, { log });
  let stopping = false;
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { why });
    await gateway.stop();
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
