import {
  Access,
  AuditEventConnection,
  can,
  ConnectionType,
  DateScalar,
  isUuid,
  PageArgs,
  pgArray,
  recordHistory,
  requireAccess,
  selectGrouped,
  type AuditEvent,
  type Connection,
  type RequestContext,
} from '@lantoa/kit';
import { Directory, withoutOfficeNotes } from '@lantoa/kit/directory';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Commendation } from '../commendation/commendation.entity.js';
import { commendationCountOf, commendationsOf } from '../commendation/commendation.resolver.js';
import { Movement } from '../movement/movement.entity.js';
import { movementById } from '../movement/movement.resolver.js';
import { DirectiveRef, OrganizationRef, PersonRef, refOf, ThemeRef } from '../refs/refs.js';
import { Exemplar, EXEMPLAR_READ } from './exemplar.entity.js';
import { ExemplarAction } from './exemplar.enums.js';
import { CreateExemplarInput, ExemplarsArgs, UpdateExemplarInput } from './exemplar.inputs.js';
import { ExemplarQueries } from './exemplar.queries.js';
import { ExemplarService } from './exemplar.service.js';
import { actionsFrom, STEPS } from './lifecycle.js';
import { ExemplarStep } from './step.entity.js';

export const ExemplarConnection = ConnectionType(Exemplar, 'Exemplar');

function timelineOf(ctx: RequestContext, exemplarId: string): Promise<ExemplarStep[]> {
  return ctx.loaders
    .get<string, ExemplarStep[]>('exemplar_step.exemplar_id', (ids) => {
      const qb = ctx.em
        .getKnex()('exemplar_step')
        .select('*')
        .whereRaw('exemplar_id = any(?::uuid[])', [pgArray(ids as string[])])
        .orderBy([{ column: 'occurred_at' }, { column: 'id' }]);
      return selectGrouped(ctx.em, ExemplarStep, qb, 'exemplarId', ids);
    })
    .load(exemplarId);
}

@Resolver(() => Exemplar)
export class ExemplarResolver {
  @Authorized(Access.READ)
  @Query(() => Exemplar, { nullable: true, description: 'One exemplar; null when absent, deleted, or not yet public to you.' })
  exemplar(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Exemplar | null> | null {
    return isUuid(id) ? new ExemplarQueries(ctx).readable(id) : null;
  }

  @Authorized(Access.READ)
  @Query(() => ExemplarConnection, { nullable: true, description: 'Exemplars matching a filter, in pages, newest first by default.' })
  exemplars(@Args(() => ExemplarsArgs) args: ExemplarsArgs, @Ctx() ctx: RequestContext): Promise<Connection<Exemplar>> {
    return new ExemplarQueries(ctx).list(args);
  }

  @Authorized(Access.EDIT)
  @Mutation(() => Exemplar, {
    description:
      'Registers an exemplar for an organization of your subtree. When one with the same name (ignoring case, diacritics and spacing) is recorded for the organization, answers CONFLICT with `extensions.duplicates` unless confirmDuplicate is true.',
  })
  createExemplar(
    @Arg('input', () => CreateExemplarInput) input: CreateExemplarInput,
    @Arg('confirmDuplicate', () => Boolean, { defaultValue: false, description: 'Record it even though likely duplicates exist.' }) confirmDuplicate: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<Exemplar> {
    return new ExemplarService(ctx).create(input, confirmDuplicate);
  }

  @Authorized(Access.EDIT)
  @Mutation(() => Exemplar, {
    description: 'Changes an exemplar of your subtree (not its status: see transitionExemplar); CONFLICT when expectedVersion is stale.',
  })
  updateExemplar(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Arg('input', () => UpdateExemplarInput) input: UpdateExemplarInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version the change was made on.' }) expectedVersion: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Exemplar> {
    return new ExemplarService(ctx).update(id, input, expectedVersion);
  }

  @Authorized(Access.EDIT)
  @Mutation(() => Exemplar, { description: 'Soft-deletes an exemplar of your subtree; restoreExemplar undoes it.' })
  deleteExemplar(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Exemplar> {
    return new ExemplarService(ctx).setDeleted(id, true);
  }

  @Authorized(Access.EDIT)
  @Mutation(() => Exemplar, { description: 'Restores a soft-deleted exemplar of your subtree.' })
  restoreExemplar(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Exemplar> {
    return new ExemplarService(ctx).setDeleted(id, false);
  }

  @Authorized(Access.EDIT)
  @Mutation(() => Exemplar, {
    description:
      'Takes one lifecycle step (allowedActions lists them). A step the status does not allow: CONFLICT; verifying, rejecting, honouring and revoking need a reviewer of the exemplar’s subtree; rejecting and revoking need a note.',
  })
  transitionExemplar(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Arg('action', () => ExemplarAction, { description: 'The step.' }) action: ExemplarAction,
    @Arg('note', () => String, { nullable: true, description: 'Note; the reason for REJECT and REVOKE.' }) note: string | null,
    @Arg('on', () => DateScalar, { nullable: true, description: 'The day it counts for; default today in the province.' }) on: string | null,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version the step was decided on.' }) expectedVersion: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Exemplar> {
    return new ExemplarService(ctx).transition(id, action, { note, on, expectedVersion });
  }

  @FieldResolver(() => [ExemplarAction], { description: 'The steps you may take now: allowed from its status, by your role, in your subtree.' })
  async allowedActions(@Root() e: Exemplar, @Ctx() ctx: RequestContext): Promise<ExemplarAction[]> {
    if (e.deletedAt || !can(ctx.caller, Access.EDIT) || !(await new Directory(ctx).inScope(ctx.caller, e.organizationId))) return [];
    return actionsFrom(e.status).filter((a) => can(ctx.caller, STEPS[a].access));
  }

  @FieldResolver(() => [ExemplarStep], {
    description: 'The lifecycle so far, oldest step first (a rejection’s reason only for the office of its subtree and admins).',
  })
  async timeline(@Root() e: Exemplar, @Ctx() ctx: RequestContext): Promise<ExemplarStep[]> {
    const steps = await timelineOf(ctx, e.id);
    return (await EXEMPLAR_READ.readsAsOffice(ctx, e)) ? steps : withoutOfficeNotes(steps, [ExemplarAction.REJECT]);
  }

  @FieldResolver(() => [Commendation], { description: 'Its commendations, newest decision first.' })
  commendations(@Root() e: Exemplar, @Ctx() ctx: RequestContext): Promise<Commendation[]> {
    return commendationsOf(ctx, e.id);
  }

  @FieldResolver(() => Int, { description: 'How many commendations in force it has.' })
  commendationCount(@Root() e: Exemplar, @Ctx() ctx: RequestContext): Promise<number> {
    return commendationCountOf(ctx, e.id);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Name of the organization it belongs to, from this subgraph’s directory replica (no call to the organizations subgraph).',
  })
  organizationName(@Root() e: Exemplar, @Ctx() ctx: RequestContext): Promise<string | null> {
    return new Directory(ctx).name(e.organizationId);
  }

  @FieldResolver(() => OrganizationRef, {
    nullable: true,
    description: 'The organization it belongs to. Null only when the organizations subgraph cannot answer (an error says so).',
  })
  organization(@Root() e: Exemplar): OrganizationRef {
    return refOf(e.organizationId)!;
  }

  @FieldResolver(() => OrganizationRef, { nullable: true, description: 'The organization it is about (collectives).' })
  subjectOrganization(@Root() e: Exemplar): OrganizationRef | null {
    return refOf(e.subjectOrganizationId);
  }

  @FieldResolver(() => PersonRef, { nullable: true, description: 'The person it is about (individuals).' })
  person(@Root() e: Exemplar): PersonRef | null {
    return refOf(e.personId);
  }

  @FieldResolver(() => DirectiveRef, { nullable: true, description: 'The document it answers to.' })
  directive(@Root() e: Exemplar): DirectiveRef | null {
    return refOf(e.directiveId);
  }

  @FieldResolver(() => ThemeRef, { nullable: true, description: 'The annual theme it answers to.' })
  theme(@Root() e: Exemplar): ThemeRef | null {
    return refOf(e.themeId);
  }

  @FieldResolver(() => Movement, { nullable: true, description: 'The emulation movement it belongs to.' })
  async movement(@Root() e: Exemplar, @Ctx() ctx: RequestContext): Promise<Movement | null> {
    // A deleted movement is null here too, as movement(id) answers.
    const m = e.movementId ? await movementById(ctx, e.movementId) : null;
    return m && !m.deletedAt ? m : null;
  }

  @FieldResolver(() => AuditEventConnection, { description: 'Audit log of this exemplar, newest first (admins; reviewers within their subtree).' })
  async history(@Root() e: Exemplar, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext): Promise<Connection<AuditEvent>> {
    requireAccess(ctx.caller, Access.REVIEW);
    await new ExemplarService(ctx).requireInScope(e.organizationId, Access.REVIEW);
    return recordHistory(ctx, 'Exemplar', e.id, args);
  }
}
