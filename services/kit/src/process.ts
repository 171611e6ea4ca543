import { ConfigError } from './config.js';
import { createLogger, setLogLevel, type LogLevel } from './log.js';

/**
 * The process entry of every service: load and check the config (exit 78 on a
 * bad variable, naming it), start, then stop cleanly once on SIGTERM, SIGINT,
 * or when the launcher that started us goes away (its IPC channel closes, even
 * if it was SIGKILLed).
 */
/** How long a service may take to drain and close before it exits regardless. */
const STOP_TIMEOUT_MS = 10_000;

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
      // Nobody may be left to SIGKILL us (the launcher is gone): a stop that hangs must not keep the port.
      setTimeout(() => {
        log.error('did not stop within 10 s; exiting anyway', { why });
        process.exit(1);
      }, STOP_TIMEOUT_MS).unref();
      try {
        await service.stop();
      } catch (err) {
        log.error('stopping failed', { why, error: err });
        process.exit(1);
      }
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
