/**
 * A small structured logger: one JSON object per line on stdout, so that the
 * request id of a masked error can be found with grep in any deployment.
 */
const levels = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof levels;

let threshold: number = levels[(process.env.LOG_LEVEL as LogLevel) ?? 'info'] ?? levels.info;

export function setLogLevel(level: LogLevel): void {
  threshold = levels[level];
}

/** Whether lines of `level` are written now (the ORM logs its statements at debug level). */
export const logsAt = (level: Exclude<LogLevel, 'silent'>): boolean => levels[level] >= threshold;

function write(level: Exclude<LogLevel, 'silent'>, service: string, msg: string, fields?: Record<string, unknown>) {
  if (levels[level] < threshold) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, service, msg, ...fields }, errorReplacer);
  (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(line + '\n');
}

function errorReplacer(_key: string, value: unknown) {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

export type Logger = ReturnType<typeof createLogger>;

export function createLogger(service: string) {
  return {
    debug: (msg: string, fields?: Record<string, unknown>) => write('debug', service, msg, fields),
    info: (msg: string, fields?: Record<string, unknown>) => write('info', service, msg, fields),
    warn: (msg: string, fields?: Record<string, unknown>) => write('warn', service, msg, fields),
    error: (msg: string, fields?: Record<string, unknown>) => write('error', service, msg, fields),
  };
}
