import {
  Access,
  AuditEventConnection,
  ConnectionType,
  DateScalar,
  isUuid,
  PageArgs,
  recordHistory,
  type AuditEvent,
  type Connection,
  type RequestContext,
} from '@lantoa/kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Organization } from './organization.entity.js';
import { ChildrenArgs, CreateOrganizationInput, OrganizationsArgs, UpdateOrganizationInput } from './organization.inputs.js';
import { OrganizationQueries } from './organization.queries.js';
import { requireInScope } from './organization.scope.js';
import { OrganizationService } from './organization.service.js';
import { OrgSuccession } from './succession.entity.js';
import { successionsOf } from './succession.queries.js';

export const OrganizationConnection = ConnectionType(Organization, 'Organization');

@Resolver(() => Organization)
export class OrganizationResolver {
  @Authorized(Access.READ)
  @Query(() => Organization, { nullable: true, description: 'One organization; null when absent or deleted.' })
  organization(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Organization | null> | null {
    return isUuid(id) ? new OrganizationQueries(ctx).live(id) : null;
  }

  @Authorized(Access.READ)
  @Query(() => OrganizationConnection, { nullable: true, description: 'Organizations matching a filter, in pages.' })
  organizations(@Args(() => OrganizationsArgs) args: OrganizationsArgs, @Ctx() ctx: RequestContext): Promise<Connection<Organization>> {
    return new OrganizationQueries(ctx).list(args);
  }

  @Authorized(Access.ADMIN)
  @Mutation(() => Organization, { description: 'Creates an organization, as a root or under a parent.' })
  createOrganization(@Arg('input', () => CreateOrganizationInput) input: CreateOrganizationInput, @Ctx() ctx: RequestContext): Promise<Organization> {
    return new OrganizationService(ctx).create(input);
  }

  @Authorized(Access.ADMIN)
  @Mutation(() => Organization, {
    description: 'Changes an organization; a new parentId moves its subtree. Refused with CONFLICT when expectedVersion is stale.',
  })
  updateOrganization(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Arg('input', () => UpdateOrganizationInput) input: UpdateOrganizationInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version the change was made on.' }) expectedVersion: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Organization> {
    return new OrganizationService(ctx).update(id, input, expectedVersion);
  }

  @Authorized(Access.ADMIN)
  @Mutation(() => Organization, { description: 'Moves an organization and its subtree under another parent (null: make it a root). A cycle is refused.' })
  moveOrganization(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Arg('parentId', () => ID, { nullable: true, description: 'The new parent.' }) parentId: string | null,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version the move was decided on.' }) expectedVersion: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Organization> {
    return new OrganizationService(ctx).move(id, parentId, expectedVersion);
  }

  @Authorized(Access.ADMIN)
  @Mutation(() => Organization, { description: 'Soft-deletes an organization without live children; restoreOrganization undoes it.' })
  deleteOrganization(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Organization> {
    return new OrganizationService(ctx).remove(id);
  }

  @Authorized(Access.ADMIN)
  @Mutation(() => Organization, { description: 'Restores a soft-deleted organization (its parent must be live).' })
  restoreOrganization(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Organization> {
    return new OrganizationService(ctx).restore(id);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The parent; null for a root.' })
  parent(@Root() o: Organization, @Ctx() ctx: RequestContext): Promise<Organization | null> | null {
    return o.parentId ? new OrganizationQueries(ctx).byId(o.parentId) : null;
  }

  @FieldResolver(() => OrganizationConnection, { description: 'Direct children, in pages.' })
  children(@Root() o: Organization, @Args(() => ChildrenArgs) args: ChildrenArgs, @Ctx() ctx: RequestContext): Promise<Connection<Organization>> {
    return new OrganizationQueries(ctx).children(o.id, args);
  }

  @FieldResolver(() => [Organization], { description: 'Ancestors from the root down to the parent.' })
  ancestors(@Root() o: Organization, @Ctx() ctx: RequestContext): Promise<Organization[]> {
    return new OrganizationQueries(ctx).ancestors(o);
  }

  @FieldResolver(() => Int, { description: 'Number of live organizations below this one, at any depth.' })
  descendantCount(@Root() o: Organization, @Ctx() ctx: RequestContext): Promise<number> {
    return new OrganizationQueries(ctx).descendantCount(o.path);
  }

  @FieldResolver(() => Int, { description: 'Depth in the tree; 0 for a root.' })
  depth(@Root() o: Organization): number {
    return o.depth;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the organization existed on the given day (default: today).' })
  isActive(@Root() o: Organization, @Arg('on', () => DateScalar, { nullable: true, description: 'The day.' }) on: string | null): boolean {
    const day = on ?? new Date().toISOString().slice(0, 10);
    return (!o.validFrom || o.validFrom <= day) && (!o.validTo || o.validTo >= day);
  }

  @FieldResolver(() => [OrgSuccession], { description: 'How this organization came to be: the successions that point to it.' })
  predecessors(@Root() o: Organization, @Ctx() ctx: RequestContext): Promise<OrgSuccession[]> {
    return successionsOf(ctx, o.id, 'to_id');
  }

  @FieldResolver(() => [OrgSuccession], { description: 'What became of this organization: the successions that start from it.' })
  successors(@Root() o: Organization, @Ctx() ctx: RequestContext): Promise<OrgSuccession[]> {
    return successionsOf(ctx, o.id, 'from_id');
  }

  @FieldResolver(() => AuditEventConnection, { description: 'Audit log of this organization, newest first (admins; reviewers within their subtree).' })
  async history(@Root() o: Organization, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext): Promise<Connection<AuditEvent>> {
    await requireInScope(ctx, Access.REVIEW, o.id);
    return recordHistory(ctx, 'Organization', o.id, args);
  }
}
