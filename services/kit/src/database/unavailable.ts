/**
 * Whether a failure means "the database cannot be reached right now" (down,
 * restarting, recovering, out of connections) rather than a fault of the
 * statement or the code: the caller should retry later, and it is answered
 * SERVICE_UNAVAILABLE, not INTERNAL_SERVER_ERROR.
 */
const CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
  '08000', // connection_exception
  '08001',
  '08003',
  '08004',
  '08006',
  '53300', // too_many_connections
]);

// The same failures as worded by knex's pool, pg, and the subgraphs' scrubbed driver errors ("SQLSTATE 57P01").
const MESSAGES =
  /Unable to acquire a connection|Timeout acquiring a connection|Connection terminated|Connection ended unexpectedly|is not queryable|server closed the connection unexpectedly|terminating connection due to|SQLSTATE (57P0[123]|08\d{3}|53300)\b|\bECONNREFUSED\b|the database system is (starting up|shutting down|in recovery mode)/i;

// A pool that cannot hand out a connection fails inside knex's acquireConnection; the driver error that
// withholds values (database/private-driver.ts) keeps only that frame of the original.
const ACQUIRING = /\bacquireConnection\b/;

export function isDatabaseUnavailable(err: unknown): boolean {
  for (
    let e = err as { code?: unknown; message?: unknown; stack?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    e = e.cause as typeof e, depth++
  ) {
    if (typeof e.code === 'string' && CODES.has(e.code)) return true;
    if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
    if (typeof e.stack === 'string' && ACQUIRING.test(e.stack)) return true;
  }
  return false;
}
