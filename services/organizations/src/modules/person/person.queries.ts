import {
  ACTIVE_ON,
  containsPattern,
  idTerm,
  pgArray,
  InputCheck,
  readPage,
  searchTerms,
  selectGrouped,
  type Connection,
  type RequestContext,
  type SortTerm,
  loadById,
  loadLiveById,
  softDeleteCondition,
} from '@lantoa/kit';
import { Person } from './person.entity.js';
import { PersonOrderField, type PeopleArgs, type PersonOrder } from './person.inputs.js';
import { Position } from './position.entity.js';

function sortTerms(orderBy: PersonOrder[] | null | undefined): SortTerm<Person>[] {
  const asked = orderBy?.length ? orderBy : [{ field: PersonOrderField.NAME, direction: 'ASC' as const }];
  const terms: SortTerm<Person>[] = asked.flatMap((o): SortTerm<Person>[] =>
    o.field === PersonOrderField.NAME
      ? [
          // Vietnamese lists sort by given name, then family, then middle name.
          { sql: 'given_name', type: 'text', collate: true, direction: o.direction, value: (p) => p.givenName },
          { sql: 'family_name', type: 'text', collate: true, direction: o.direction, value: (p) => p.familyName },
          { sql: "coalesce(middle_name, '')", type: 'text', collate: true, direction: o.direction, value: (p) => p.middleName ?? '' },
        ]
      : [{ sql: 'created_at', type: 'timestamp', direction: o.direction, value: (p) => p.createdAt }],
  );
  terms.push(idTerm(terms[0]!.direction));
  return terms;
}

/** Read paths for people and positions, batched per request. */
export class PersonQueries {
  constructor(private readonly ctx: RequestContext) {}

  private get knex() {
    return this.ctx.em.getKnex();
  }

  byId(id: string): Promise<Person | null> {
    return loadById(this.ctx, Person, id);
  }

  live(id: string): Promise<Person | null> {
    return loadLiveById(this.ctx, Person, id);
  }

  async list(args: PeopleArgs): Promise<Connection<Person>> {
    const check = new InputCheck();
    check.uuids('filter.ids', args.filter?.ids);
    check.uuid('filter.organizationId', args.filter?.organizationId);
    check.done();
    const f = args.filter;
    const filtered = this.knex('person');
    softDeleteCondition(this.ctx.caller, f?.deleted)(filtered);
    if (f?.ids) filtered.whereRaw('id = any(?::uuid[])', [pgArray(f.ids)]);
    for (const term of searchTerms(f?.q ?? '')) filtered.whereRaw('search_text like ?', [containsPattern(term)]);
    if (f?.organizationId) {
      const held = this.knex('position').select('person_id').where('organization_id', f.organizationId).whereNull('deleted_at');
      if (f.activeOn) held.whereRaw(ACTIVE_ON, [f.activeOn, f.activeOn]);
      filtered.whereIn('id', held);
    }
    return readPage(this.ctx.em, Person, filtered, sortTerms(args.orderBy), args);
  }

  /** Positions of many people or organizations in one statement. */
  positionsOf(column: 'person_id' | 'organization_id', id: string, activeOn: string | null): Promise<Position[]> {
    return this.ctx.loaders
      .get<string, Position[]>(`position.by:${column}:${activeOn ?? ''}`, async (ids) => {
        const qb = this.knex('position')
          .select('*')
          .whereRaw(`${column} = any(?::uuid[])`, [pgArray(ids as string[])])
          .whereNull('deleted_at')
          .orderByRaw('valid_from nulls first, id');
        // A deleted person's positions are hidden with them (Position.person cannot be null); restoring the person shows them again.
        qb.whereRaw('person_id in (select id from person where deleted_at is null)');
        if (activeOn) qb.whereRaw(ACTIVE_ON, [activeOn, activeOn]);
        return selectGrouped(this.ctx.em, Position, qb, column === 'person_id' ? 'personId' : 'organizationId', ids);
      })
      .load(id);
  }
}
