import {
  containsPattern,
  idTerm,
  InputCheck,
  pgArray,
  readPage,
  searchTerms,
  selectEntities,
  type Connection,
  type PageArgs,
  type RequestContext,
  type SortTerm,
} from '@lantoa/kit';
import type { Knex } from '@mikro-orm/postgresql';
import { ApiToken } from './api-token.entity.js';
import { ApiTokenOrderField, type ApiTokenFilter, type ApiTokenOrder } from './api-token.inputs.js';

const TERM_SQL: Record<ApiTokenOrderField, Omit<SortTerm<ApiToken>, 'direction'>> = {
  NAME: { sql: 'name', type: 'text', collate: true, value: (t) => t.name },
  CREATED_AT: { sql: 'created_at', type: 'timestamp', value: (t) => t.createdAt },
  EXPIRES_AT: { sql: 'expires_at', type: 'timestamp', value: (t) => t.expiresAt },
};

function sortTerms(orderBy: ApiTokenOrder[] | null | undefined): SortTerm<ApiToken>[] {
  const asked = orderBy?.length ? orderBy : [{ field: ApiTokenOrderField.CREATED_AT, direction: 'DESC' as const }];
  const terms = asked.map((o) => ({ ...TERM_SQL[o.field], direction: o.direction }) as SortTerm<ApiToken>);
  terms.push(idTerm(terms[0]!.direction));
  return terms;
}

function checkFilter(filter: ApiTokenFilter | null | undefined): void {
  const check = new InputCheck();
  check.uuids('filter.ids', filter?.ids);
  check.uuid('filter.organizationId', filter?.organizationId);
  check.uuid('filter.createdById', filter?.createdById);
  if (filter?.q != null && filter.q.length > 200) check.add('filter.q', 'must be at most 200 characters.');
  check.done();
}

function applyFilter(qb: Knex.QueryBuilder, filter: ApiTokenFilter | null | undefined): void {
  qb.whereNull('deleted_at');
  if (!filter) return;
  if (filter.ids) qb.whereRaw('id = any(?::uuid[])', [pgArray(filter.ids)]);
  for (const term of searchTerms(filter.q ?? '')) qb.whereRaw('search_text like ?', [containsPattern(term)]);
  if (filter.organizationId) qb.where('organization_id', filter.organizationId);
  if (filter.createdById) qb.where('created_by_id', filter.createdById);
  if (filter.active === true) qb.whereNull('revoked_at').whereRaw('expires_at > now()');
  if (filter.active === false) qb.whereRaw('(revoked_at is not null or expires_at <= now())');
}

export class ApiTokenQueries {
  constructor(private readonly ctx: RequestContext) {}

  async live(id: string): Promise<ApiToken | null> {
    const [t] = await selectEntities(this.ctx.em, ApiToken, this.ctx.em.getKnex()('api_token').select('*').where('id', id).whereNull('deleted_at'));
    return t ?? null;
  }

  list(args: { filter?: ApiTokenFilter | null; orderBy?: ApiTokenOrder[] | null } & PageArgs): Promise<Connection<ApiToken>> {
    checkFilter(args.filter);
    const filtered = this.ctx.em.getKnex()('api_token');
    applyFilter(filtered, args.filter);
    return readPage(this.ctx.em, ApiToken, filtered, sortTerms(args.orderBy), args);
  }
}
