/**
 * Lists, top to bottom: how every `things(filter, orderBy, first, after,
 * offset)` query of shared/API.md turns into one SQL page and a connection.
 *
 *  1. Page arguments  — `first`, `after`, `offset` (PageArgs), checked once.
 *  2. Ordering        — a list of SortTerms, total because the id comes last.
 *  3. Cursors         — the sort values of a row, base64url JSON; a cursor is
 *                       decoded and type-checked against the list's ordering
 *                       before any SQL is built, so a forged one is
 *                       BAD_USER_INPUT, never a database error.
 *  4. Keyset SQL      — ORDER BY and "comes after the cursor" conditions.
 *  5. readPage        — one filtered query → `first + 1` rows → a Connection
 *                       whose totalCount runs only when asked for.
 *  6. Connection type — `<Name>Connection { nodes, totalCount, pageInfo }`.
 */
// type-graphql decorators need the metadata API before they run.
import 'reflect-metadata';
import type { EntityName } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { ArgsType, Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ClassType } from 'type-graphql';
import type { Loaders } from './database/loaders.js';
import { mappedColumns, selectEntities, selectGrouped } from './database/rows.js';
import { collateVietnamese, pgArray } from './database/sql.js';
import { badUserInput, type FieldProblem } from './errors.js';
import { hasForbiddenControl } from './text-policy.js';
import { isUuid, isValidDate } from './validation.js';

// ---------- 1. page arguments ----------

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 200;

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection', description: 'Direction of an ordering term.' });

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size: default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Opaque keyset cursor: return the nodes after this one.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Skip this many nodes (page jumps in consoles); not together with `after`.' })
  offset?: number | null;
}

// ---------- 2. ordering ----------

/** What a sort value is, so a cursor's values can be checked before they are bound into SQL. */
export type SortKeyType = 'text' | 'uuid' | 'timestamp' | 'date' | 'integer';

/**
 * One term of a total ordering. `sql` is a trusted column expression (never
 * user text); `collate: true` sorts text in Vietnamese order. The last term
 * must be unique (the id, see idTerm) so that cursors never skip or repeat a row.
 */
export interface SortTerm<Row> {
  sql: string;
  direction: 'ASC' | 'DESC';
  type: SortKeyType;
  collate?: boolean;
  /** The row's value for this term, as stored in cursors. */
  value: (row: Row) => unknown;
}

/** The tie-breaker every ordering ends with; same direction as the first term so one index serves both. */
export const idTerm = <Row extends { id: string }>(direction: 'ASC' | 'DESC'): SortTerm<Row> => ({ sql: 'id', direction, type: 'uuid', value: (r) => r.id });

// ---------- 3. cursors ----------

/** Longer than any cursor this API hands out (a few sort values and an id). */
const MAX_CURSOR_LENGTH = 2_000;
const MAX_TEXT_KEY = 1_000;
const BASE64URL = /^[A-Za-z0-9_-]*$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

const KEY_CHECKS: Record<SortKeyType, (v: unknown) => boolean> = {
  text: (v) => typeof v === 'string' && v.length <= MAX_TEXT_KEY && !hasForbiddenControl(v),
  uuid: (v) => typeof v === 'string' && isUuid(v),
  timestamp: (v) => typeof v === 'string' && ISO_TIMESTAMP.test(v) && !Number.isNaN(Date.parse(v)),
  date: (v) => typeof v === 'string' && isValidDate(v),
  integer: (v) => typeof v === 'number' && Number.isSafeInteger(v),
};

/** Cursors are base64url JSON arrays of the sort values and the id; opaque to clients. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * The sort values in a cursor, or null when it is not one this list could
 * have made: not base64url JSON, another number of terms, or a value of the
 * wrong type for its term (a forged uuid would otherwise reach PostgreSQL).
 */
export function decodeCursor(cursor: string, terms: readonly Pick<SortTerm<never>, 'type'>[]): unknown[] | null {
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !BASE64URL.test(cursor)) return null;
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(values) || values.length !== terms.length) return null;
  return values.every((v, i) => KEY_CHECKS[terms[i]!.type](v)) ? values : null;
}

/** A row's sort values, as its cursor holds them (timestamps as ISO strings). */
export const cursorValues = <Row>(terms: SortTerm<Row>[], row: Row) =>
  terms.map((t) => {
    const v = t.value(row);
    return v instanceof Date ? v.toISOString() : v;
  });

// ---------- page request: arguments and cursor, checked ----------

/** Page arguments after validation; `after` holds the cursor's checked sort values. */
export interface PageRequest {
  first: number;
  offset: number;
  after: unknown[] | null;
}

export const INVALID_CURSOR = 'This cursor is not valid for this list.';

/** Checks page arguments against the list's ordering; BAD_USER_INPUT naming each bad argument. */
export function pageRequest(args: PageArgs, terms: readonly Pick<SortTerm<never>, 'type'>[]): PageRequest {
  const problems: FieldProblem[] = [];
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (first < 0 || first > MAX_PAGE_SIZE) problems.push({ path: 'first', message: `must be between 0 and ${MAX_PAGE_SIZE}.` });
  const offset = args.offset ?? 0;
  if (offset < 0) problems.push({ path: 'offset', message: 'must not be negative.' });
  if (args.after != null && args.offset != null) problems.push({ path: 'offset', message: 'cannot be combined with `after`.' });
  const after = args.after != null ? decodeCursor(args.after, terms) : null;
  if (args.after != null && !after) {
    problems.push({ path: 'after', message: 'is not a cursor of this list (with this ordering); start again without it.' });
    if (problems.length === 1) throw badUserInput(problems, INVALID_CURSOR);
  }
  if (problems.length) throw badUserInput(problems);
  return { first, offset, after };
}

// ---------- 4. keyset SQL ----------

type AnyTerm = SortTerm<never>;

const expr = (t: AnyTerm, placeholder = false) => {
  const e = placeholder ? '?' : t.sql;
  return t.collate ? collateVietnamese(e) : e;
};

/** `(name collate "vi-x-icu") ASC, id ASC` — for ORDER BY or a window's ORDER BY. */
export const orderBySql = (terms: AnyTerm[]) => terms.map((t) => `${expr(t)} ${t.direction}`).join(', ');

/**
 * The keyset condition "comes after the cursor row".
 *
 * When every term has the same direction (every list but a mixed orderBy),
 * one row comparison: `((name collate "vi-x-icu"), id) > (?, ?)` (`<` for
 * DESC). Its left side is exactly the ORDER BY expressions, which are the
 * index expressions, so PostgreSQL starts the index scan at the cursor (an
 * index condition) instead of reading the index from the start and filtering:
 * page 2,000 costs what page 1 costs.
 *
 * Mixed directions rule out a row comparison:
 * (a > ?) or (a = ? and b < ?) or (a = ? and b = ? and c > ?).
 *
 * Both forms mean the same for non-null values, and a cursor never holds a
 * null (decodeCursor rejects it): sort terms are non-null expressions (a
 * nullable column is sorted through coalesce, as exemplars' recognised_on).
 * `after` must come from pageRequest (checked against these terms).
 */
export function afterCursorSql(terms: AnyTerm[], after: unknown[]): { sql: string; bindings: Knex.Value[] } {
  const direction = terms[0]!.direction;
  if (terms.every((t) => t.direction === direction)) {
    const left = terms.map((t) => expr(t)).join(', ');
    const right = terms.map((t) => expr(t, true)).join(', ');
    return { sql: `(${left}) ${direction === 'ASC' ? '>' : '<'} (${right})`, bindings: after.map((v) => v as Knex.Value) };
  }
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

// ---------- 5. reading a page ----------

export interface ReadPageOptions {
  /**
   * Late row lookup: pick the page's ids first (same filter, order, offset
   * and cursor), then read the full rows of those ids only. For lists whose filter and ordering an
   * index covers (exemplars: organization_id, created_at, id), the ids come
   * from an index-only scan, so a filter matching thousands of rows before
   * the offset costs index entries, not thousands of random heap reads: the
   * page costs about the same at 10,000 and 100,000 rows. Still one
   * statement. The table is `filtered`'s single table (no joins).
   */
  lateRowLookup?: boolean;
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
  options: ReadPageOptions = {},
): Promise<Connection<T>> {
  const page = pageRequest(args, terms);
  const orderBy = orderBySql(terms as AnyTerm[]);
  // The entity's own columns, never `*`: a table may keep others for its indexes (exemplars' ancestor_ids).
  const columns = mappedColumns(em, entity as EntityName<object>);
  let qb = filtered
    .clone()
    .select(options.lateRowLookup ? 'id' : columns)
    .orderByRaw(orderBy)
    .limit(page.first + 1);
  if (page.after) {
    const { sql, bindings } = afterCursorSql(terms as AnyTerm[], page.after);
    qb.whereRaw(sql, bindings);
  }
  if (page.offset) qb.offset(page.offset);
  if (options.lateRowLookup) {
    const table = em.getMetadata().get((entity as { name: string }).name).tableName;
    // The same ORDER BY outside: `in` keeps no order, and the id makes it total.
    qb = em.getKnex()(table).select(columns).whereIn('id', qb).orderByRaw(orderBy);
  }
  const rows = page.first === 0 ? [] : await selectEntities(em, entity, qb);
  return toConnection(
    rows,
    page,
    (row) => cursorValues(terms, row),
    async () => {
      const [row] = await em.execute<{ count: string }[]>(filtered.clone().count('* as count'));
      return Number(row!.count);
    },
  );
}

/** Builds the connection from `first + 1` fetched rows; totalCount runs only if the client asks for it. */
export function toConnection<T>(rows: T[], page: PageRequest, cursorOf: (row: T) => unknown[], count: () => Promise<number>): Connection<T> {
  const hasNextPage = rows.length > page.first;
  const nodes = hasNextPage ? rows.slice(0, page.first) : rows;
  const last = nodes[nodes.length - 1];
  let counted: Promise<number> | undefined;
  return {
    nodes,
    pageInfo: { hasNextPage, endCursor: last ? encodeCursor(cursorOf(last)) : null },
    get totalCount() {
      return (counted ??= count());
    },
  };
}

/**
 * Pages of many parents' lists in one statement (`children`, `history` of a
 * page of records): a window numbers each parent's rows in the list's order,
 * and every parent asking with the same arguments joins one batch.
 * `base` is the FROM and WHERE without the parent condition.
 */
export function readGroupedPage<T extends object>(
  ctx: { em: EntityManager; loaders: Loaders },
  o: {
    /** Names the batch, with the page arguments: parents asking alike share it. */
    name: string;
    entity: EntityName<T>;
    base: () => Knex.QueryBuilder;
    /** The parent column of the rows, and the same as a property. */
    groupColumn: string;
    groupProperty: keyof T & string;
    terms: SortTerm<T>[];
    args: PageArgs;
    parentId: string;
    count: () => Promise<number>;
  },
): Promise<Connection<T>> {
  const page = pageRequest(o.args, o.terms);
  const knex = ctx.em.getKnex();
  return ctx.loaders
    .get<string, T[]>(`${o.name}:${JSON.stringify(page)}`, (parentIds) => {
      const inner = o
        .base()
        .select('*', knex.raw(`row_number() over (partition by ${o.groupColumn} order by ${orderBySql(o.terms as AnyTerm[])}) as rn`))
        .whereRaw(`${o.groupColumn} = any(?::uuid[])`, [pgArray(parentIds)]);
      if (page.after) {
        const { sql, bindings } = afterCursorSql(o.terms as AnyTerm[], page.after);
        inner.whereRaw(sql, bindings);
      }
      const qb = knex
        .select('*')
        .from(inner.as('g'))
        .where('rn', '>', page.offset)
        .andWhere('rn', '<=', page.offset + page.first + 1)
        .orderBy([o.groupColumn, 'rn']);
      return selectGrouped(ctx.em, o.entity, qb, o.groupProperty, parentIds);
    })
    .load(o.parentId)
    .then((rows) => toConnection(rows, page, (row) => cursorValues(o.terms, row), o.count));
}

// ---------- 6. connection types ----------

// Every subgraph defines the same PageInfo; federation needs it marked shareable.
@Directive('@shareable')
@ObjectType({ description: 'Where a page ends and whether more follow.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when another page follows this one.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last node; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

export interface Connection<T> {
  nodes: T[];
  totalCount: number | Promise<number>;
  pageInfo: PageInfo;
}

/**
 * Declares `<Name>Connection { nodes, totalCount, pageInfo }` for a node type.
 * `shareable` when several subgraphs return the same connection (the audit log).
 */
export function ConnectionType<T extends object>(Node: ClassType<T>, name: string, options: { shareable?: boolean } = {}) {
  @ObjectType(`${name}Connection`, { description: `A page of ${name} records.` })
  class ConnectionClass implements Connection<T> {
    @Field(() => [Node], { description: 'The records of this page, in the requested order.' })
    nodes!: T[];

    @Field(() => Int, { description: 'How many records match the filter (and the caller may see), over all pages.' })
    totalCount!: number;

    @Field(() => PageInfo, { description: 'Cursor of this page’s end.' })
    pageInfo!: PageInfo;
  }
  if (options.shareable) Directive('@shareable')(ConnectionClass);
  return ConnectionClass;
}
