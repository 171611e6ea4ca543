import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * What a subgraph's demo seed writes with: rows are inserted only where they
 * are missing (`on conflict do nothing`), so a demo record someone changed or
 * deleted is never reset, and every insert counts the rows it added.
 */
export interface DemoRows {
  readonly tx: EntityManager;
  /** created_at and updated_at of every row of this run. */
  readonly now: Date;
  /** One row, with created_at and updated_at, unless it conflicts with one there (on `target`, e.g. "(id)"; by default any unique key). */
  insert(table: string, row: Record<string, unknown>, target?: string): Promise<void>;
  /** Any other `insert … on conflict do nothing`; the rows it added are counted. */
  run(sql: string, params: unknown[]): Promise<void>;
}

/** Runs `fill` in one transaction and returns how many rows it inserted (0 when the demo data is all there). */
export function insertMissingRows(em: EntityManager, fill: (rows: DemoRows) => Promise<void>): Promise<number> {
  return em.transactional(async (tx) => {
    const now = new Date();
    let inserted = 0;
    const run = async (sql: string, params: unknown[]) => {
      const res = await tx.execute(sql, params as never[], 'run');
      inserted += (res as { affectedRows?: number }).affectedRows ?? 0;
    };
    const insert = (table: string, row: Record<string, unknown>, target = '') => {
      const cols = Object.keys(row);
      return run(
        `insert into ${table} (${cols.join(', ')}, created_at, updated_at) values (${cols.map(() => '?').join(', ')}, ?, ?) on conflict ${target} do nothing`,
        [...Object.values(row), now, now],
      );
    };
    await fill({ tx, now, insert, run });
    return inserted;
  });
}
