import {
  ACTIVE_ON,
  containsPattern,
  idTerm,
  inSubtreeOfIdSql,
  inSubtreeOfPathSql,
  InputCheck,
  loadById,
  loadLiveById,
  pgArray,
  readGroupedPage,
  readPage,
  searchTerms,
  type Connection,
  type PageArgs,
  type RequestContext,
  type SortTerm,
  softDeleteCondition,
  type Caller,
} from '@lantoa/kit';
import type { Knex } from '@mikro-orm/postgresql';
import { Organization } from './organization.entity.js';
import { OrganizationOrderField, type OrganizationFilter, type OrganizationOrder } from './organization.inputs.js';

/**
 * Read paths for organizations: lists, subtrees and batched lookups. Rows are
 * read with plain SQL (keyset, collation, path ranges) and mapped onto the
 * entity; every per-node field goes through a per-request DataLoader so a
 * page of N organizations costs a constant number of statements.
 */

const TERM_SQL: Record<OrganizationOrderField, Omit<SortTerm<Organization>, 'direction'>> = {
  NAME: { sql: 'name', type: 'text', collate: true, value: (o) => o.name },
  CREATED_AT: { sql: 'created_at', type: 'timestamp', value: (o) => o.createdAt },
  UPDATED_AT: { sql: 'updated_at', type: 'timestamp', value: (o) => o.updatedAt },
};

export function sortTerms(orderBy: OrganizationOrder[] | null | undefined): SortTerm<Organization>[] {
  const asked = orderBy?.length ? orderBy : [{ field: OrganizationOrderField.NAME, direction: 'ASC' as const }];
  const terms = asked.map((o) => ({ ...TERM_SQL[o.field], direction: o.direction }) as SortTerm<Organization>);
  terms.push(idTerm(terms[0]!.direction));
  return terms;
}

function checkFilter(filter: OrganizationFilter | null | undefined): void {
  const check = new InputCheck();
  check.uuids('filter.ids', filter?.ids);
  check.uuid('filter.parentId', filter?.parentId);
  if (filter?.q != null && filter.q.length > 200) check.add('filter.q', 'must be at most 200 characters.');
  if (filter?.includeDescendants && !filter.parentId) check.add('filter.includeDescendants', 'needs filter.parentId.');
  check.done();
}

function applyFilter(qb: Knex.QueryBuilder, filter: OrganizationFilter | null | undefined, caller: Caller): void {
  softDeleteCondition(caller, filter?.deleted)(qb);
  if (!filter) return;
  if (filter.ids) qb.whereRaw('id = any(?::uuid[])', [pgArray(filter.ids)]);
  for (const term of searchTerms(filter.q ?? '')) qb.whereRaw(`search_text like ?`, [containsPattern(term)]);
  if (filter.type) qb.where('type', filter.type);
  if (filter.level) qb.where('level', filter.level);
  if (filter.rootsOnly) qb.whereNull('parent_id');
  if (filter.parentId && filter.includeDescendants) {
    // Strictly below the parent: (P, P || '~').
    qb.whereRaw(inSubtreeOfIdSql('organization', { strict: true }), [filter.parentId, filter.parentId]);
  } else if (filter.parentId) qb.where('parent_id', filter.parentId);
  if (filter.activeOn) {
    qb.whereRaw(ACTIVE_ON, [filter.activeOn, filter.activeOn]);
  }
}

export class OrganizationQueries {
  constructor(private readonly ctx: RequestContext) {}

  private get knex(): Knex {
    return this.ctx.em.getKnex();
  }

  /** One statement for any number of ids; deleted records included (references must still resolve). */
  byId(id: string): Promise<Organization | null> {
    return loadById(this.ctx, Organization, id);
  }

  /** A live organization or null. */
  live(id: string): Promise<Organization | null> {
    return loadLiveById(this.ctx, Organization, id);
  }

  list(args: { filter?: OrganizationFilter | null; orderBy?: OrganizationOrder[] | null } & PageArgs): Promise<Connection<Organization>> {
    checkFilter(args.filter);
    const filtered = this.knex('organization');
    applyFilter(filtered, args.filter, this.ctx.caller);
    return readPage(this.ctx.em, Organization, filtered, sortTerms(args.orderBy), args);
  }

  /**
   * Children pages of many parents in one statement: a window numbers each
   * parent's children in the requested order. Parents asking with the same
   * arguments share a batch.
   */
  children(parentId: string, args: { orderBy?: OrganizationOrder[] | null } & PageArgs): Promise<Connection<Organization>> {
    return readGroupedPage(this.ctx, {
      name: `organization.children:${JSON.stringify(args.orderBy ?? null)}`,
      entity: Organization,
      base: () => this.knex('organization').whereNull('deleted_at'),
      groupColumn: 'parent_id',
      groupProperty: 'parentId',
      terms: sortTerms(args.orderBy),
      args,
      parentId,
      count: () => this.childCount(parentId),
    });
  }

  childCount(parentId: string): Promise<number> {
    return this.ctx.loaders
      .get<string, number>('organization.childCount', async (ids) => {
        const rows = await this.ctx.em.execute<{ parent_id: string; count: string }[]>(
          this.knex('organization')
            .select('parent_id')
            .count('* as count')
            .whereRaw('parent_id = any(?::uuid[])', [pgArray(ids as string[])])
            .whereNull('deleted_at')
            .groupBy('parent_id'),
        );
        const map = new Map(rows.map((r) => [r.parent_id, Number(r.count)]));
        return ids.map((id) => map.get(id) ?? 0);
      })
      .load(parentId);
  }

  /** Live descendants at any depth; one statement for a whole page of organizations. */
  descendantCount(path: string): Promise<number> {
    return this.ctx.loaders
      .get<string, number>('organization.descendantCount', async (paths) => {
        const rows = await this.ctx.em.execute<{ p: string; n: string }[]>(
          `select p, (select count(*) from organization o where ${inSubtreeOfPathSql('o.path', 'p', true)} and o.deleted_at is null) as n
             from unnest(?::text[]) as p`,
          [pgArray(paths as string[])],
        );
        const map = new Map(rows.map((r) => [r.p, Number(r.n)]));
        return paths.map((p) => map.get(p) ?? 0);
      })
      .load(path);
  }

  /** Ancestors from the root down to the parent, read from the path (one batched lookup). */
  async ancestors(o: Organization): Promise<Organization[]> {
    const ids = o.path.split('/').filter(Boolean).slice(0, -1);
    const found = await Promise.all(ids.map((id) => this.byId(id)));
    return found.filter((x): x is Organization => x !== null);
  }
}
