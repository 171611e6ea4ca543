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

type AnyTerm = SortTerm<never>;

const expr = (t: AnyTerm, placeholder = false) => {
  const e = placeholder ? '?' : t.sql;
  return t.collate ? `(${e} collate "${t.collate}")` : e;
};

/** `a collate "vi-x-icu" ASC, id ASC` — for ORDER BY or a window's ORDER BY. */
export const orderBySql = (terms: AnyTerm[]) => terms.map((t) => `${expr(t)} ${t.direction}`).join(', ');

/**
 * The keyset condition "comes after the cursor row":
 * (a > ?) or (a = ? and b > ?) or (a = ? and b = ? and c > ?). Mixed
 * directions rule out a single row comparison; each disjunct can use the index.
 */
export function afterCursorSql(terms: AnyTerm[], after: unknown[]): { sql: string; bindings: Knex.Value[] } {
  const ors: string[] = [];
  const bindings: Knex.Value[] = [];
  terms.forEach((t, i) => {
    const ands: string[] = [];
    for (let j = 0; j < i; j++) {
      ands.push(`${expr(terms[j]!)} = ${expr(terms[j]!, true)}`);
      bindings.push(after[j] as Knex.Value);
    }
    ands.push(`${expr(t)} ${t.direction === 'ASC' ? '>' : '<'} ${expr(t, true)}`);
    bindings.push(after[i] as Knex.Value);
    ors.push(`(${ands.join(' and ')})`);
  });
  return { sql: `(${ors.join(' or ')})`, bindings };
}

export const cursorValues = <Row>(terms: SortTerm<Row>[], row: Row) =>
  terms.map((t) => {
    const v = t.value(row);
    return v instanceof Date ? v.toISOString() : v;
  });

/** "Valid on day ?" for tables with nullable valid_from / valid_to dates; bind the day twice. */
export const ACTIVE_ON = '(valid_from is null or valid_from <= ?::date) and (valid_to is null or valid_to >= ?::date)';

/**
 * A PostgreSQL array literal for `= any(?::uuid[])`. Query builders expand a
 * bound JS array into a comma list, which breaks `any(...)`; one literal
 * string keeps the statement's shape the same for any number of keys.
 */
export const pgArray = (values: readonly string[]) => `{${values.map((v) => `"${v.replace(/(["\\])/g, '\\$1')}"`).join(',')}}`;
