import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * Counts every SQL statement the process sends. Tests assert on it so an N+1
 * cannot come back unnoticed; `/metrics` exposes it for the benchmark.
 */
export const sqlStats = { statements: 0 };

/**
 * Statements starting with this comment are background work, not requests'
 * (the organization directory's feed polling every 200 ms): left uncounted,
 * they neither blur the per-request figures nor the N+1 tests.
 */
export const BACKGROUND_SQL = '/* background */ ';

export function countStatements(orm: MikroORM): void {
  orm.em.getKnex().on('query', (q: { sql?: string }) => {
    if (!q.sql?.startsWith(BACKGROUND_SQL)) sqlStats.statements++;
  });
}

/** Runs `fn` and returns how many SQL statements it sent (with its result). */
export async function countSql<T>(fn: () => Promise<T>): Promise<{ statements: number; result: T }> {
  const before = sqlStats.statements;
  const result = await fn();
  return { statements: sqlStats.statements - before, result };
}
