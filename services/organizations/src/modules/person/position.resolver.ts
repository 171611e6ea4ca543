import { Access, AuditEventConnection, DateScalar, PageArgs, recordHistory, type AuditEvent, type Connection, type RequestContext } from '@lantoa/kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { Organization } from '../organization/organization.entity.js';
import { OrganizationQueries } from '../organization/organization.queries.js';
import { requireInScope } from '../organization/organization.scope.js';
import { Person } from './person.entity.js';
import { CreatePositionInput, UpdatePositionInput } from './person.inputs.js';
import { PersonQueries } from './person.queries.js';
import { PersonService } from './person.service.js';
import { Position } from './position.entity.js';

@Resolver(() => Position)
export class PositionResolver {
  @Authorized(Access.EDIT)
  @Mutation(() => Position, { description: 'Records a position a person holds in an organization.' })
  createPosition(@Arg('input', () => CreatePositionInput) input: CreatePositionInput, @Ctx() ctx: RequestContext): Promise<Position> {
    return new PersonService(ctx).createPosition(input);
  }

  @Authorized(Access.EDIT)
  @Mutation(() => Position, { description: 'Changes a position (title, dates); refused with CONFLICT when expectedVersion is stale.' })
  updatePosition(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Arg('input', () => UpdatePositionInput) input: UpdatePositionInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version the change was made on.' }) expectedVersion: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Position> {
    return new PersonService(ctx).updatePosition(id, input, expectedVersion);
  }

  @Authorized(Access.EDIT)
  @Mutation(() => Position, { description: 'Soft-deletes a position; restorePosition undoes it.' })
  deletePosition(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Position> {
    return new PersonService(ctx).setDeleted(Position, id, true);
  }

  @Authorized(Access.EDIT)
  @Mutation(() => Position, { description: 'Restores a soft-deleted position.' })
  restorePosition(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Position> {
    return new PersonService(ctx).setDeleted(Position, id, false);
  }

  @FieldResolver(() => AuditEventConnection, { description: 'Audit log of this position, newest first (admins; reviewers within their subtree).' })
  async history(@Root() pos: Position, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext): Promise<Connection<AuditEvent>> {
    await requireInScope(ctx, Access.REVIEW, pos.organizationId);
    return recordHistory(ctx, 'Position', pos.id, args);
  }

  @FieldResolver(() => Person, { description: 'The person holding it.' })
  async person(@Root() pos: Position, @Ctx() ctx: RequestContext): Promise<Person> {
    return (await new PersonQueries(ctx).byId(pos.personId))!;
  }

  @FieldResolver(() => Organization, { description: 'The organization.' })
  async organization(@Root() pos: Position, @Ctx() ctx: RequestContext): Promise<Organization> {
    return (await new OrganizationQueries(ctx).byId(pos.organizationId))!;
  }
}

/** Adds `positions` to Organization (people holding posts there). */
@Resolver(() => Organization)
export class OrganizationPositionsResolver {
  @FieldResolver(() => [Position], { description: 'Positions in this organization; with `activeOn`, only those held that day.' })
  positions(
    @Root() o: Organization,
    @Arg('activeOn', () => DateScalar, { nullable: true, description: 'Only positions held on this day.' }) activeOn: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Position[]> {
    return new PersonQueries(ctx).positionsOf('organization_id', o.id, activeOn);
  }
}
