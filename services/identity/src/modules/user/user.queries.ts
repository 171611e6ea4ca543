import {
  containsPattern,
  idTerm,
  InputCheck,
  pgArray,
  readPage,
  searchTerms,
  type Connection,
  type PageArgs,
  type RequestContext,
  type SortTerm,
  loadById,
  loadLiveById,
  softDeleteCondition,
  type Caller,
} from '@lantoa/kit';
import type { Knex } from '@mikro-orm/postgresql';
import { User } from './user.entity.js';
import { UserOrderField, type UserFilter, type UserOrder } from './user.inputs.js';

const TERM_SQL: Record<UserOrderField, Omit<SortTerm<User>, 'direction'>> = {
  EMAIL: { sql: 'email', type: 'text', value: (u) => u.email },
  DISPLAY_NAME: { sql: 'display_name', type: 'text', collate: true, value: (u) => u.displayName },
  CREATED_AT: { sql: 'created_at', type: 'timestamp', value: (u) => u.createdAt },
  UPDATED_AT: { sql: 'updated_at', type: 'timestamp', value: (u) => u.updatedAt },
};

function sortTerms(orderBy: UserOrder[] | null | undefined): SortTerm<User>[] {
  const asked = orderBy?.length ? orderBy : [{ field: UserOrderField.EMAIL, direction: 'ASC' as const }];
  const terms = asked.map((o) => ({ ...TERM_SQL[o.field], direction: o.direction }) as SortTerm<User>);
  terms.push(idTerm(terms[0]!.direction));
  return terms;
}

function checkFilter(filter: UserFilter | null | undefined): void {
  const check = new InputCheck();
  check.uuids('filter.ids', filter?.ids);
  check.uuid('filter.organizationId', filter?.organizationId);
  if (filter?.q != null && filter.q.length > 200) check.add('filter.q', 'must be at most 200 characters.');
  check.done();
}

function applyFilter(qb: Knex.QueryBuilder, filter: UserFilter | null | undefined, caller: Caller): void {
  softDeleteCondition(caller, filter?.deleted)(qb);
  if (!filter) return;
  if (filter.ids) qb.whereRaw('id = any(?::uuid[])', [pgArray(filter.ids)]);
  for (const term of searchTerms(filter.q ?? '')) qb.whereRaw('search_text like ?', [containsPattern(term)]);
  if (filter.organizationId) qb.where('organization_id', filter.organizationId);
  // Containment, so the GIN index on roles applies.
  if (filter.role) qb.whereRaw('roles @> ?::text[]', [pgArray([filter.role])]);
  if (filter.active != null) qb.where('active', filter.active);
}

/** Read paths: plain SQL mapped onto the entity; lookups by id batch per request. */
export class UserQueries {
  constructor(private readonly ctx: RequestContext) {}

  /** One statement for any number of ids; deleted users included (references must still resolve). */
  byId(id: string): Promise<User | null> {
    return loadById(this.ctx, User, id);
  }

  live(id: string): Promise<User | null> {
    return loadLiveById(this.ctx, User, id);
  }

  list(args: UsersArgsLike): Promise<Connection<User>> {
    checkFilter(args.filter);
    const filtered = this.ctx.em.getKnex()('user_account');
    applyFilter(filtered, args.filter, this.ctx.caller);
    return readPage(this.ctx.em, User, filtered, sortTerms(args.orderBy), args);
  }
}

type UsersArgsLike = { filter?: UserFilter | null; orderBy?: UserOrder[] | null } & PageArgs;
