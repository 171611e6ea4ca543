import {
  Access,
  ConnectionType,
  containsPattern,
  DateScalar,
  documentNumberKey,
  idTerm,
  InputCheck,
  pgArray,
  readPage,
  selectEntities,
  selectGrouped,
  type Connection,
  type RequestContext,
} from '@lantoa/kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Exemplar, EXEMPLAR_READ } from '../exemplar/exemplar.entity.js';
import { ExemplarQueries } from '../exemplar/exemplar.queries.js';
import { Movement } from '../movement/movement.entity.js';
import { movementById } from '../movement/movement.resolver.js';
import { OrganizationRef, refOf } from '../refs/refs.js';
import { Commendation, CommendationAuthority } from './commendation.entity.js';
import { CommendationsArgs, CreateCommendationAuthorityInput, CreateCommendationInput } from './commendation.inputs.js';
import { CommendationService } from './commendation.service.js';

export const CommendationConnection = ConnectionType(Commendation, 'Commendation');

/** The commendations of many exemplars in one statement per request, newest decision first. */
export function commendationsOf(ctx: RequestContext, exemplarId: string): Promise<Commendation[]> {
  return ctx.loaders
    .get<string, Commendation[]>('commendation.exemplar_id', (ids) => {
      const qb = ctx.em
        .getKnex()('commendation')
        .select('*')
        .whereRaw('exemplar_id = any(?::uuid[])', [pgArray(ids as string[])])
        .whereNull('deleted_at')
        .orderBy([
          { column: 'decided_on', order: 'desc' },
          { column: 'id', order: 'desc' },
        ]);
      return selectGrouped(ctx.em, Commendation, qb, 'exemplarId', ids);
    })
    .load(exemplarId);
}

/** How many commendations in force each of many exemplars has: one grouped statement per request. */
export function commendationCountOf(ctx: RequestContext, exemplarId: string): Promise<number> {
  return ctx.loaders
    .get<string, number>('commendation.count', async (ids) => {
      const rows = await ctx.em.execute<{ exemplar_id: string; n: string }[]>(
        // A decision recorded again before the unique index (marked duplicate_of its first) is one commendation.
        `select exemplar_id, count(*) as n from commendation
         where exemplar_id = any(?::uuid[]) and deleted_at is null and duplicate_of is null and status = 'IN_FORCE' group by exemplar_id`,
        [pgArray(ids as string[])],
      );
      const map = new Map(rows.map((r) => [r.exemplar_id, Number(r.n)]));
      return ids.map((i) => map.get(i) ?? 0);
    })
    .load(exemplarId);
}

@Resolver(() => Commendation)
export class CommendationResolver {
  @Authorized(Access.READ)
  @Query(() => CommendationConnection, { nullable: true, description: 'Commendations, newest decision first.' })
  commendations(@Args(() => CommendationsArgs) args: CommendationsArgs, @Ctx() ctx: RequestContext): Promise<Connection<Commendation>> {
    const f = args.filter;
    const check = new InputCheck();
    check.uuids('filter.ids', f?.ids);
    check.uuid('filter.exemplarId', f?.exemplarId);
    check.uuid('filter.decidingOrganizationId', f?.decidingOrganizationId);
    if (f?.q != null && f.q.length > 200) check.add('filter.q', 'must be at most 200 characters.');
    check.dateRange('filter.decidedFrom', f?.decidedFrom, 'filter.decidedTo', f?.decidedTo);
    check.done();
    const knex = ctx.em.getKnex();
    const qb = knex('commendation').whereNull('deleted_at');
    // A commendation is read with its exemplar: none of a deleted one, or of one the caller may not read (EXEMPLAR_READ; a revoked one).
    qb.whereExists((w) => {
      const exemplar = w.select(knex.raw('1')).from('exemplar').whereRaw('exemplar.id = commendation.exemplar_id').whereNull('exemplar.deleted_at');
      EXEMPLAR_READ.condition(knex, ctx.caller)(exemplar);
    });
    if (f?.ids) qb.whereRaw('id = any(?::uuid[])', [pgArray(f.ids)]);
    if (f?.q) qb.whereRaw('decision_number_key like ?', [containsPattern(documentNumberKey(f.q))]);
    if (f?.exemplarId) qb.where('exemplar_id', f.exemplarId);
    if (f?.decidingOrganizationId) qb.where('deciding_organization_id', f.decidingOrganizationId);
    if (f?.form) qb.where('form', f.form);
    if (f?.status) qb.where('status', f.status);
    if (f?.decidedFrom) qb.where('decided_on', '>=', f.decidedFrom);
    if (f?.decidedTo) qb.where('decided_on', '<=', f.decidedTo);
    return readPage(ctx.em, Commendation, qb, [{ sql: 'decided_on', direction: 'DESC', type: 'date', value: (c) => c.decidedOn }, idTerm('DESC')], args);
  }

  @Authorized(Access.READ)
  @Query(() => [CommendationAuthority], { nullable: true, description: 'Who may grant what: every organization type and level with the forms it may grant.' })
  commendationAuthorities(@Ctx() ctx: RequestContext): Promise<CommendationAuthority[]> {
    return selectEntities(
      ctx.em,
      CommendationAuthority,
      ctx.em.getKnex()('commendation_authority').select('*').whereNull('deleted_at').orderBy(['organization_level', 'organization_type', 'form', 'id']),
    );
  }

  @Authorized(Access.REVIEW)
  @Mutation(() => Commendation, { description: 'Records a commendation decision for a verified exemplar of your subtree; a first one makes it AWARDED.' })
  createCommendation(@Arg('input', () => CreateCommendationInput) input: CreateCommendationInput, @Ctx() ctx: RequestContext): Promise<Commendation> {
    return new CommendationService(ctx).create(input);
  }

  @Authorized(Access.REVIEW)
  @Mutation(() => Commendation, { description: 'Revokes a commendation, with the reason and the day.' })
  revokeCommendation(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Arg('reason', () => String, { description: 'Why (required, at most 2,000 characters).' }) reason: string,
    @Arg('on', () => DateScalar, { nullable: true, description: 'Day of the revocation; default today in the province.' }) on: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Commendation> {
    return new CommendationService(ctx).revoke(id, reason, on);
  }

  @Authorized(Access.ADMIN)
  @Mutation(() => CommendationAuthority, { description: 'Allows organizations of a type and level to grant a form. Admins only.' })
  createCommendationAuthority(
    @Arg('input', () => CreateCommendationAuthorityInput) input: CreateCommendationAuthorityInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CommendationAuthority> {
    return new CommendationService(ctx).createAuthority(input);
  }

  @Authorized(Access.ADMIN)
  @Mutation(() => CommendationAuthority, { description: 'Withdraws an authority (soft delete). Admins only.' })
  deleteCommendationAuthority(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<CommendationAuthority> {
    return new CommendationService(ctx).deleteAuthority(id);
  }

  @FieldResolver(() => Exemplar, { description: 'The exemplar honoured.' })
  async exemplar(@Root() c: Commendation, @Ctx() ctx: RequestContext): Promise<Exemplar> {
    return (await new ExemplarQueries(ctx).byId(c.exemplarId))!;
  }

  @FieldResolver(() => OrganizationRef, {
    nullable: true,
    description: 'The organization that decided it. Null only when the organizations subgraph cannot answer (an error says so).',
  })
  decidingOrganization(@Root() c: Commendation): OrganizationRef {
    return refOf(c.decidingOrganizationId)!;
  }

  @FieldResolver(() => OrganizationRef, { nullable: true, description: 'The organization that proposed it.' })
  proposingOrganization(@Root() c: Commendation): OrganizationRef | null {
    return refOf(c.proposingOrganizationId);
  }

  @FieldResolver(() => Movement, { nullable: true, description: 'The emulation movement it belongs to.' })
  movement(@Root() c: Commendation, @Ctx() ctx: RequestContext): Promise<Movement | null> | null {
    return c.movementId ? movementById(ctx, c.movementId) : null;
  }
}
