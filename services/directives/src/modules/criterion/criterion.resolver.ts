import {
  Access,
  ConnectionType,
  containsPattern,
  idTerm,
  InputCheck,
  pgArray,
  readPage,
  searchTerms,
  selectGrouped,
  type Connection,
  type RequestContext,
} from '@lantoa/kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DirectiveRecord } from '../directive/directive.entity.js';
import { DirectiveQueries } from '../directive/directive.queries.js';
import { OrganizationRef, organizationRef } from '../organization/organization.ref.js';
import { Criterion, Evaluation } from './criterion.entity.js';
import { CreateCriterionInput, EvaluationsArgs, RecordEvaluationInput, UpdateCriterionInput } from './criterion.inputs.js';
import { CriterionService } from './criterion.service.js';

export const EvaluationConnection = ConnectionType(Evaluation, 'Evaluation');

/** The criteria of many documents in one statement per request, in their order. */
export function criteriaOf(ctx: RequestContext, directiveId: string): Promise<Criterion[]> {
  return ctx.loaders
    .get<string, Criterion[]>('criterion.directive_id', (ids) => {
      const qb = ctx.em
        .getKnex()('criterion')
        .select('*')
        .whereRaw('directive_id = any(?::uuid[])', [pgArray(ids as string[])])
        .whereNull('deleted_at')
        .orderBy([{ column: 'position' }, { column: 'id' }]);
      return selectGrouped(ctx.em, Criterion, qb, 'directiveId', ids);
    })
    .load(directiveId);
}

@Resolver(() => Criterion)
export class CriterionResolver {
  @Authorized(Access.ADMIN)
  @Mutation(() => Criterion, { description: 'Adds an evaluation criterion to a document. Admins only.' })
  createCriterion(@Arg('input', () => CreateCriterionInput) input: CreateCriterionInput, @Ctx() ctx: RequestContext): Promise<Criterion> {
    return new CriterionService(ctx).create(input);
  }

  @Authorized(Access.ADMIN)
  @Mutation(() => Criterion, { description: 'Changes a criterion; CONFLICT when expectedVersion is stale. Admins only.' })
  updateCriterion(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Arg('input', () => UpdateCriterionInput) input: UpdateCriterionInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version the change was made on.' }) expectedVersion: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Criterion> {
    return new CriterionService(ctx).update(id, input, expectedVersion);
  }

  @Authorized(Access.ADMIN)
  @Mutation(() => Criterion, { description: 'Removes a criterion (soft delete). Admins only.' })
  deleteCriterion(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Criterion> {
    return new CriterionService(ctx).remove(id);
  }

  @Authorized(Access.REVIEW)
  @Mutation(() => Evaluation, {
    description: 'Records how an organization of your subtree did on a criterion for a period (again for the same period: replaces the score).',
  })
  recordEvaluation(@Arg('input', () => RecordEvaluationInput) input: RecordEvaluationInput, @Ctx() ctx: RequestContext): Promise<Evaluation> {
    return new CriterionService(ctx).record(input);
  }

  @Authorized(Access.REVIEW)
  @Mutation(() => Evaluation, { description: 'Removes an evaluation of your subtree (soft delete).' })
  deleteEvaluation(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Evaluation> {
    return new CriterionService(ctx).removeEvaluation(id);
  }

  @Authorized(Access.READ)
  @Query(() => EvaluationConnection, { nullable: true, description: 'Evaluations, latest period first.' })
  evaluations(@Args(() => EvaluationsArgs) args: EvaluationsArgs, @Ctx() ctx: RequestContext): Promise<Connection<Evaluation>> {
    const f = args.filter;
    const check = new InputCheck();
    check.uuids('filter.ids', f?.ids);
    for (const key of ['criterionId', 'directiveId', 'organizationId'] as const) check.uuid(`filter.${key}`, f?.[key]);
    if (f?.q != null && f.q.length > 200) check.add('filter.q', 'must be at most 200 characters.');
    check.done();
    const knex = ctx.em.getKnex();
    const qb = knex('evaluation').whereNull('deleted_at');
    if (f?.ids) qb.whereRaw('id = any(?::uuid[])', [pgArray(f.ids)]);
    for (const term of searchTerms(f?.q ?? '')) qb.whereRaw('search_text like ?', [containsPattern(term)]);
    if (f?.criterionId) qb.where('criterion_id', f.criterionId);
    if (f?.directiveId) qb.whereIn('criterion_id', knex('criterion').select('id').where('directive_id', f.directiveId));
    if (f?.organizationId) qb.where('organization_id', f.organizationId);
    if (f?.periodFrom) qb.where('period_to', '>=', f.periodFrom);
    if (f?.periodTo) qb.where('period_from', '<=', f.periodTo);
    return readPage(ctx.em, Evaluation, qb, [{ sql: 'period_to', direction: 'DESC', type: 'date', value: (e) => e.periodTo }, idTerm('DESC')], args);
  }

  @FieldResolver(() => DirectiveRecord, { description: 'The document it belongs to.' })
  async directive(@Root() c: Criterion, @Ctx() ctx: RequestContext): Promise<DirectiveRecord> {
    return (await new DirectiveQueries(ctx).byId(c.directiveId))!;
  }
}

@Resolver(() => Evaluation)
export class EvaluationResolver {
  @FieldResolver(() => OrganizationRef, {
    nullable: true,
    description: 'The organization evaluated. Null only when the organizations subgraph cannot answer (an error says so).',
  })
  organization(@Root() e: Evaluation): OrganizationRef {
    return organizationRef(e.organizationId)!;
  }
}
