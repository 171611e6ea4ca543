import type { EntityName } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { badUserInput } from '../errors.js';
import { parsePageArgs, toConnection, type Connection, type PageArgs, type PageRequest } from '../graphql/pagination.js';
import { afterCursorSql, cursorValues, orderBySql, type SortTerm } from './keyset.js';

/** Parses page arguments and checks that an `after` cursor was made for this ordering. */
export function pageRequest(args: PageArgs, terms: SortTerm<never>[]): PageRequest {
  const page = parsePageArgs(args);
  if (page.after && page.after.length !== terms.length) {
    throw badUserInput([{ path: 'after', message: 'belongs to another ordering; start again without it.' }]);
  }
  return page;
}

/** Runs a query and maps its rows onto entities (plain SQL in, the same objects the resolvers use out). */
export async function selectEntities<T extends object>(em: EntityManager, entity: EntityName<T>, qb: Knex.QueryBuilder): Promise<T[]> {
  const rows = await em.execute<Record<string, unknown>[]>(qb);
  return rows.map((r) => em.map(entity, r as never));
}

/**
 * One page of a filtered list: keyset (`after`) or offset, `first + 1` rows to
 * know whether more follow, and a count that runs only if asked for.
 * `filtered` holds only the FROM and WHERE; it is reused for the count.
 */
export async function readPage<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  filtered: Knex.QueryBuilder,
  terms: SortTerm<T>[],
  args: PageArgs,
): Promise<Connection<T>> {
  const page = pageRequest(args, terms as SortTerm<never>[]);
  const qb = filtered.clone().select('*').orderByRaw(orderBySql(terms as SortTerm<never>[])).limit(page.first + 1);
  if (page.after) {
    const { sql, bindings } = afterCursorSql(terms as SortTerm<never>[], page.after);
    qb.whereRaw(sql, bindings);
  }
  if (page.offset) qb.offset(page.offset);
  const rows = page.first === 0 ? [] : await selectEntities(em, entity, qb);
  return toConnection(rows, page, (row) => cursorValues(terms, row), async () => {
    const [row] = await em.execute<{ count: string }[]>(filtered.clone().count('* as count'));
    return Number(row!.count);
  });
}
