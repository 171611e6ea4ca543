import { ConfigError } from './config.js';
import { createLogger, setLogLevel, type LogLevel } from './log.js';

/**
 * The process entry of every service: load and check the config (exit 78 on a
 * bad variable, naming it), start, then stop cleanly once on SIGTERM, SIGINT,
 * or when the launcher that started us goes away (its IPC channel closes, even
 * if it was SIGKILLed).
 */
export async function runService<C extends { LOG_LEVEL: LogLevel }>(
  name: string,
  loadConfig: () => C,
  start: (config: C) => Promise<{ stop(): Promise<void> }>,
): Promise<void> {
  const log = createLogger(name);
  try {
    const config = loadConfig();
    setLogLevel(config.LOG_LEVEL);
    const service = await start(config);
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
    process.on('disconnect', () => void stop('launcher exited'));
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78); // EX_CONFIG
    }
    log.error('failed to start', { error: err });
    process.exit(1);
  }
}
