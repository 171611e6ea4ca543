import type { EntityName } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { Loaders } from './loaders.js';
import { pgArray } from './sql.js';

/** Rows of plain SQL mapped onto objects shaped like an entity, for read paths. */

type RowMapper = (row: Record<string, unknown>) => object;

/** The entity's properties stored in one column each (entities here have scalar properties only). */
const persistedProps = (em: EntityManager, cls: { name: string }) =>
  em
    .getMetadata()
    .get(cls.name)
    .props.filter((p) => p.persist !== false && p.fieldNames?.length === 1);
const mappers = new WeakMap<object, RowMapper>();

/**
 * Column → property mapping from the entity's metadata, built once per class.
 * Read paths only serve GraphQL fields, so rows become plain objects shaped
 * like the entity instead of managed entities: no identity map, no change
 * snapshot (em.map spent most of a list request's CPU on those).
 */
function rowMapper(em: EntityManager, entity: EntityName<object>): RowMapper {
  const cls = entity as { name: string };
  let mapper = mappers.get(cls);
  if (!mapper) {
    const props = persistedProps(em, cls);
    const pairs = props.filter((p) => p.runtimeType !== 'Date').map((p) => [p.fieldNames[0]!, p.name] as const);
    // MikroORM's connection returns timestamps as text; entities expose Dates.
    const dates = props.filter((p) => p.runtimeType === 'Date').map((p) => [p.fieldNames[0]!, p.name] as const);
    const platform = em.getPlatform();
    // Plain objects, not the entity's prototype: MikroORM puts change-tracking
    // setters there, which would tie these read-only rows to an EntityManager.
    mapper = (row) => {
      const out: Record<string, unknown> = {};
      for (const [column, property] of pairs) out[property] = row[column];
      for (const [column, property] of dates) out[property] = row[column] == null ? null : platform.parseDate(row[column] as string);
      return out;
    };
    mappers.set(cls, mapper);
  }
  return mapper;
}

const columnLists = new WeakMap<object, string[]>();

/**
 * The columns the entity maps, for a `select` instead of `*`: a table's other
 * columns (exemplars' ancestor_ids, kept for an index) are then neither sent
 * nor parsed for nothing.
 */
export function mappedColumns(em: EntityManager, entity: EntityName<object>): string[] {
  const cls = entity as { name: string };
  let columns = columnLists.get(cls);
  if (!columns) {
    columns = persistedProps(em, cls).map((p) => p.fieldNames[0]!);
    columnLists.set(cls, columns);
  }
  return columns;
}

/**
 * Runs a query and maps its rows onto plain objects shaped like the entity
 * (plain SQL in, the objects the resolvers use out). Writes load managed
 * entities with em.find instead.
 */
export async function selectEntities<T extends object>(em: EntityManager, entity: EntityName<T>, qb: Knex.QueryBuilder): Promise<T[]> {
  const rows = await em.execute<Record<string, unknown>[]>(qb);
  const map = rowMapper(em, entity as EntityName<object>);
  return rows.map((r) => map(r) as T);
}

/**
 * For a DataLoader batch: runs one query for many keys and returns, for each
 * key in order, the rows whose `by` property equals it (in query order).
 */
export async function selectGrouped<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  qb: Knex.QueryBuilder,
  by: keyof T & string,
  keys: readonly string[],
): Promise<T[][]> {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of await selectEntities(em, entity, qb)) groups.get(row[by] as string)?.push(row);
  return keys.map((k) => groups.get(k)!);
}

/**
 * One row by id, batched per request: every `loadById` of the same entity in
 * one request becomes one statement, however many ids (an `_entities` call,
 * a page's references). Deleted rows are included: references must still
 * resolve; `loadLiveById` is the same without them.
 */
export function loadById<T extends { id: string }>(
  ctx: { em: EntityManager; loaders: Loaders },
  entity: EntityName<T> & { name: string },
  id: string,
): Promise<T | null> {
  return ctx.loaders
    .get<string, T | null>(`${entity.name}.byId`, async (ids) => {
      const table = ctx.em.getMetadata().get(entity.name).tableName;
      const rows = await selectEntities(
        ctx.em,
        entity,
        ctx.em
          .getKnex()(table)
          .select(mappedColumns(ctx.em, entity))
          .whereRaw('id = any(?::uuid[])', [pgArray(ids)]),
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((i) => byId.get(i) ?? null);
    })
    .load(id);
}

/** One live row by id (null when missing or soft-deleted), batched with `loadById`. */
export async function loadLiveById<T extends { id: string; deletedAt?: Date | null }>(
  ctx: { em: EntityManager; loaders: Loaders },
  entity: EntityName<T> & { name: string },
  id: string,
): Promise<T | null> {
  const row = await loadById(ctx, entity, id);
  return row && !row.deletedAt ? row : null;
}
