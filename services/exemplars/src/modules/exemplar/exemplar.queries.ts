import {
  containsPattern,
  idTerm,
  InputCheck,
  pgArray,
  readPage,
  searchTerms,
  type Connection,
  type RequestContext,
  type SortTerm,
  loadById,
  loadLiveById,
  softDeleteCondition,
  type Caller,
} from '@lantoa/kit';
import { Directory, subtreeCondition } from '@lantoa/kit/directory';
import type { Knex } from '@mikro-orm/postgresql';
import { ANCESTOR_INDEXED_DEPTHS } from '../../migrations/Migration20261205000000_organization_ancestors.js';
import { Exemplar, EXEMPLAR_READ } from './exemplar.entity.js';
import { ExemplarOrderField, type ExemplarFilter, type ExemplarOrder, type ExemplarsArgs } from './exemplar.inputs.js';

// Keyset orders need a value on every row: exemplars not recognised (yet) sort as if recognised on this day.
const NEVER = '1900-01-01';

const TERMS: Record<ExemplarOrderField, Omit<SortTerm<Exemplar>, 'direction'>> = {
  CREATED_AT: { sql: 'created_at', type: 'timestamp', value: (e) => e.createdAt },
  NAME: { sql: 'name', type: 'text', collate: true, value: (e) => e.name },
  RECOGNISED_ON: { sql: `coalesce(recognised_on, date '${NEVER}')`, type: 'date', value: (e) => e.recognisedOn ?? NEVER },
};

function sortTerms(orderBy: ExemplarOrder[] | null | undefined): SortTerm<Exemplar>[] {
  const asked = orderBy?.length ? orderBy : [{ field: ExemplarOrderField.CREATED_AT, direction: 'DESC' as const }];
  const terms = asked.map((o) => ({ ...TERMS[o.field], direction: o.direction }) as SortTerm<Exemplar>);
  return [...terms, idTerm(terms[0]!.direction)];
}

export function checkExemplarFilter(f: ExemplarFilter | null | undefined): void {
  const check = new InputCheck();
  check.uuids('filter.ids', f?.ids);
  for (const key of ['organizationId', 'personId', 'directiveId', 'themeId', 'movementId'] as const) check.uuid(`filter.${key}`, f?.[key]);
  if (f?.q != null && f.q.length > 200) check.add('filter.q', 'must be at most 200 characters.');
  if (f?.includeDescendants && !f.organizationId) check.add('filter.includeDescendants', 'needs filter.organizationId.');
  if (f?.honouredInYear != null && (f.honouredInYear < 1945 || f.honouredInYear > 2100))
    check.add('filter.honouredInYear', 'must be a year between 1945 and 2100.');
  check.done();
}

/**
 * The depth of the filter's organization when its subtree is read from an
 * ancestor index (Migration20261205000000_organization_ancestors): one index
 * range, newest first, however many organizations lie below. Null when the
 * filter has no subtree, when deeper, or for an organization the replica does
 * not know: the replica's path range then, which means the same.
 */
export async function indexedSubtreeDepth(ctx: RequestContext, f: ExemplarFilter | null | undefined): Promise<number | null> {
  if (!f?.organizationId || !f.includeDescendants) return null;
  const depth = (await new Directory(ctx).byId(f.organizationId))?.depth;
  return depth != null && depth < ANCESTOR_INDEXED_DEPTHS ? depth : null;
}

/**
 * The FROM and WHERE of an exemplar list (also what exemplarStats counts, and
 * through them every list of another type's exemplars): only what the caller
 * may read (EXEMPLAR_READ); `subtreeDepth` from indexedSubtreeDepth.
 */
export function filteredExemplars(knex: Knex, f: ExemplarFilter | null | undefined, caller: Caller, subtreeDepth: number | null): Knex.QueryBuilder {
  const qb = knex('exemplar');
  softDeleteCondition(caller, f?.deleted)(qb);
  EXEMPLAR_READ.condition(knex, caller)(qb);
  if (!f) return qb;
  if (f.ids) qb.whereRaw('id = any(?::uuid[])', [pgArray(f.ids)]);
  for (const term of searchTerms(f.q ?? '')) qb.whereRaw('search_text like ?', [containsPattern(term)]);
  // The depth is an integer: inlined, the condition is the index's expression exactly.
  if (f.organizationId && subtreeDepth != null) qb.whereRaw(`ancestor_ids[${Math.trunc(subtreeDepth) + 1}] = ?`, [f.organizationId]);
  else if (f.organizationId) subtreeCondition(knex, 'organization_id', { organizationId: f.organizationId, includeDescendants: f.includeDescendants })(qb);
  if (f.kinds?.length) qb.whereIn('kind', f.kinds);
  if (f.fields?.length) qb.whereIn('field', f.fields);
  if (f.statuses?.length) qb.whereIn('status', f.statuses);
  if (f.honouredInYear != null) {
    const [from, to] = [`${f.honouredInYear}-01-01`, `${f.honouredInYear}-12-31`];
    qb.where((w) => w.whereBetween('recognised_on', [from, to]).orWhereBetween('awarded_on', [from, to]));
  }
  if (f.personId) qb.where('person_id', f.personId);
  if (f.directiveId) qb.where('directive_id', f.directiveId);
  if (f.themeId) qb.where('theme_id', f.themeId);
  if (f.movementId) qb.where('movement_id', f.movementId);
  return qb;
}

/** Read paths for exemplars: the console's main list and batched lookups. */
export class ExemplarQueries {
  constructor(private readonly ctx: RequestContext) {}

  byId(id: string): Promise<Exemplar | null> {
    return loadById(this.ctx, Exemplar, id);
  }

  live(id: string): Promise<Exemplar | null> {
    return loadLiveById(this.ctx, Exemplar, id);
  }

  /** Live and readable by the caller (EXEMPLAR_READ); null otherwise, as for a missing id. For exemplar(id), `_entities`, attachments. */
  async readable(id: string): Promise<Exemplar | null> {
    const e = await this.live(id);
    return e && (await EXEMPLAR_READ.canRead(this.ctx, e)) ? e : null;
  }

  async list(args: ExemplarsArgs): Promise<Connection<Exemplar>> {
    checkExemplarFilter(args.filter);
    // A district's subtree holds thousands of exemplars: its page's ids come from an index alone (index-only), then 50 rows are read.
    return readPage(
      this.ctx.em,
      Exemplar,
      filteredExemplars(this.ctx.em.getKnex(), args.filter, this.ctx.caller, await indexedSubtreeDepth(this.ctx, args.filter)),
      sortTerms(args.orderBy),
      args,
      {
        lateRowLookup: true,
      },
    );
  }
}
