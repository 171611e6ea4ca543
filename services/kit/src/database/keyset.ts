import type { Knex } from '@mikro-orm/postgresql';

/**
 * One term of a total ordering. `sql` is a trusted column expression (never
 * user text); `collate` makes text sort in Vietnamese order. The last term
 * must be unique (the id) so that cursors never skip or repeat a row.
 */
export interface SortTerm<Row> {
  sql: string;
  direction: 'ASC' | 'DESC';
  collate?: string;
  /** The row's value for this term, as stored in cursors. */
  value: (row: Row) => unknown;
}

const expr = (t: SortTerm<unknown>, placeholder = false) => {
  const e = placeholder ? '?' : t.sql;
  return t.collate ? `(${e} collate "${t.collate}")` : e;
};

/** Adds ORDER BY for the terms and, for an `after` cursor, the keyset condition (a row-wise "comes after"). */
export function applyKeyset<Row>(qb: Knex.QueryBuilder, terms: SortTerm<Row>[], after: unknown[] | null): void {
  for (const t of terms) qb.orderByRaw(`${expr(t as SortTerm<unknown>)} ${t.direction}`);
  if (!after) return;
  // (a > ?) or (a = ? and b > ?) or (a = ? and b = ? and c > ?): mixed directions
  // rule out a single row comparison, and each disjunct can still use the index.
  const ors: string[] = [];
  const bindings: unknown[] = [];
  terms.forEach((t, i) => {
    const ands: string[] = [];
    for (let j = 0; j < i; j++) {
      ands.push(`${expr(terms[j] as SortTerm<unknown>)} = ${expr(terms[j] as SortTerm<unknown>, true)}`);
      bindings.push(after[j]);
    }
    ands.push(`${expr(t as SortTerm<unknown>)} ${t.direction === 'ASC' ? '>' : '<'} ${expr(t as SortTerm<unknown>, true)}`);
    bindings.push(after[i]);
    ors.push(`(${ands.join(' and ')})`);
  });
  qb.whereRaw(`(${ors.join(' or ')})`, bindings as Knex.Value[]);
}

export const cursorValues = <Row>(terms: SortTerm<Row>[], row: Row) =>
  terms.map((t) => {
    const v = t.value(row);
    return v instanceof Date ? v.toISOString() : v;
  });
