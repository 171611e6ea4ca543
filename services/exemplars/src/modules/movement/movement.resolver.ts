import {
  Access,
  checkExpectedVersion,
  ConnectionType,
  containsPattern,
  idTerm,
  InputCheck,
  isUuid,
  notFound,
  pgArray,
  readPage,
  searchKey,
  searchTerms,
  type Connection,
  type RequestContext,
  loadById,
} from '@lantoa/kit';
import { Directory } from '@lantoa/kit/directory';
import { LockMode } from '@mikro-orm/core';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireLiveForeignLinks } from '../refs/links.js';
import { OrganizationRef } from '../refs/refs.js';
import { Movement } from './movement.entity.js';
import { CreateMovementInput, MovementsArgs, UpdateMovementInput } from './movement.inputs.js';

export const MovementConnection = ConnectionType(Movement, 'Movement');

/** One statement for any number of movement ids. */
export function movementById(ctx: RequestContext, id: string): Promise<Movement | null> {
  return loadById(ctx, Movement, id);
}

const requireLauncherScope = (ctx: RequestContext, organizationId: string): Promise<void> =>
  new Directory(ctx).requireInScope(ctx.caller, Access.EDIT, organizationId, 'Movements are kept by editors of the launching organization’s subtree.');

/** Emulation movements: launched and kept by editors of the launching organization's subtree. */
@Resolver(() => Movement)
export class MovementResolver {
  @Authorized(Access.READ)
  @Query(() => Movement, { nullable: true, description: 'One movement; null when absent or deleted.' })
  async movement(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Movement | null> {
    const m = isUuid(id) ? await movementById(ctx, id) : null;
    return m && !m.deletedAt ? m : null;
  }

  @Authorized(Access.READ)
  @Query(() => MovementConnection, { nullable: true, description: 'Emulation movements, newest first.' })
  movements(@Args(() => MovementsArgs) args: MovementsArgs, @Ctx() ctx: RequestContext): Promise<Connection<Movement>> {
    const f = args.filter;
    const check = new InputCheck();
    check.uuids('filter.ids', f?.ids);
    check.uuid('filter.launchingOrganizationId', f?.launchingOrganizationId);
    if (f?.q != null && f.q.length > 200) check.add('filter.q', 'must be at most 200 characters.');
    check.done();
    const qb = ctx.em.getKnex()('movement').whereNull('deleted_at');
    if (f?.ids) qb.whereRaw('id = any(?::uuid[])', [pgArray(f.ids)]);
    for (const term of searchTerms(f?.q ?? '')) qb.whereRaw('search_text like ?', [containsPattern(term)]);
    if (f?.launchingOrganizationId) qb.where('launching_organization_id', f.launchingOrganizationId);
    if (f?.activeOn) qb.where('period_from', '<=', f.activeOn).where((w) => w.whereNull('period_to').orWhere('period_to', '>=', f.activeOn!));
    return readPage(ctx.em, Movement, qb, [{ sql: 'period_from', direction: 'DESC', type: 'date', value: (m) => m.periodFrom }, idTerm('DESC')], args);
  }

  @Authorized(Access.EDIT)
  @Mutation(() => Movement, { description: 'Launches an emulation movement for an organization of your subtree.' })
  createMovement(@Arg('input', () => CreateMovementInput) input: CreateMovementInput, @Ctx() ctx: RequestContext): Promise<Movement> {
    return ctx.em.transactional(async (em) => {
      const values = checkMovement(new InputCheck('create'), input);
      await new Directory(ctx).requireLive(input.launchingOrganizationId, 'input.launchingOrganizationId');
      await requireLauncherScope(ctx, input.launchingOrganizationId);
      await requireLiveForeignLinks(ctx, input);
      const m = em.create(Movement, {
        ...values,
        launchingOrganizationId: input.launchingOrganizationId,
        searchText: searchKey(`${values.name} ${values.description ?? ''}`),
      });
      await em.flush();
      return m;
    });
  }

  @Authorized(Access.EDIT)
  @Mutation(() => Movement, { description: 'Changes a movement of your subtree; CONFLICT when expectedVersion is stale.' })
  updateMovement(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Arg('input', () => UpdateMovementInput) input: UpdateMovementInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version the change was made on.' }) expectedVersion: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Movement> {
    return ctx.em.transactional(async (em) => {
      const check = new InputCheck();
      check.uuid('id', id);
      check.done();
      const m = await em.findOne(Movement, { id, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!m) throw notFound('Movement', id, 'id');
      await requireLauncherScope(ctx, m.launchingOrganizationId);
      checkExpectedVersion('Movement', m, expectedVersion);
      const update = new InputCheck('update');
      for (const key of ['name', 'periodFrom'] as const) update.required(`input.${key}`, input[key]);
      const merged = { ...m, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as CreateMovementInput;
      Object.assign(m, checkMovement(update, merged));
      await requireLiveForeignLinks(ctx, input);
      m.searchText = searchKey(`${m.name} ${m.description ?? ''}`);
      await em.flush();
      return m;
    });
  }

  @FieldResolver(() => OrganizationRef, {
    nullable: true,
    description: 'The organization that launched it. Null only when the organizations subgraph cannot answer (an error says so).',
  })
  launchingOrganization(@Root() m: Movement): OrganizationRef {
    return { id: m.launchingOrganizationId };
  }
}

function checkMovement(check: InputCheck, input: CreateMovementInput) {
  const name = check.text('input.name', input.name, { max: 500, required: true });
  const description = check.text('input.description', input.description, { max: 10_000, kind: 'note' });
  check.uuid('input.launchingOrganizationId', input.launchingOrganizationId);
  check.uuid('input.directiveId', input.directiveId);
  check.uuid('input.themeId', input.themeId);
  check.day('input.periodFrom', input.periodFrom, 'planned');
  check.day('input.periodTo', input.periodTo, 'planned');
  check.dateRange('input.periodFrom', input.periodFrom, 'input.periodTo', input.periodTo);
  check.done();
  return {
    name: name!,
    description: description ?? null,
    periodFrom: input.periodFrom,
    periodTo: input.periodTo ?? null,
    directiveId: input.directiveId ?? null,
    themeId: input.themeId ?? null,
  };
}
