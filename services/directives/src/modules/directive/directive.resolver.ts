import {
  Access,
  AuditEventConnection,
  ConnectionType,
  isUuid,
  PageArgs,
  recordHistory,
  requireAccess,
  type AuditEvent,
  type Connection,
  type RequestContext,
} from '@lantoa/kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { OrganizationRef, organizationRef } from '../organization/organization.ref.js';
import { DirectiveRecord } from './directive.entity.js';
import { CreateDirectiveInput, DirectivesArgs, RelateDirectivesInput, UpdateDirectiveInput } from './directive.inputs.js';
import { DirectiveQueries } from './directive.queries.js';
import { DirectiveService } from './directive.service.js';
import { DirectiveRelation } from './relation.entity.js';
import { relationsOf } from './relation.queries.js';
import { RelationService } from './relation.service.js';

export const DirectiveConnection = ConnectionType(DirectiveRecord, 'Directive');

@Resolver(() => DirectiveRecord)
export class DirectiveResolver {
  @Authorized(Access.READ)
  @Query(() => DirectiveRecord, { nullable: true, description: 'One document; null when absent or deleted.' })
  directive(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<DirectiveRecord | null> | null {
    return isUuid(id) ? new DirectiveQueries(ctx).live(id) : null;
  }

  @Authorized(Access.READ)
  @Query(() => DirectiveConnection, { nullable: true, description: 'Documents of the registry matching a filter, in pages, newest issued first by default.' })
  directives(@Args(() => DirectivesArgs) args: DirectivesArgs, @Ctx() ctx: RequestContext): Promise<Connection<DirectiveRecord>> {
    return new DirectiveQueries(ctx).list(args);
  }

  @Authorized(Access.ADMIN)
  @Mutation(() => DirectiveRecord, {
    description:
      'Registers a document. The number is parsed leniently and stored canonically; a number already registered is refused with CONFLICT. Admins only.',
  })
  createDirective(@Arg('input', () => CreateDirectiveInput) input: CreateDirectiveInput, @Ctx() ctx: RequestContext): Promise<DirectiveRecord> {
    return new DirectiveService(ctx).create(input);
  }

  @Authorized(Access.ADMIN)
  @Mutation(() => DirectiveRecord, {
    description: 'Changes a document. Refused with CONFLICT when expectedVersion is stale or the new number is taken. Admins only.',
  })
  updateDirective(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Arg('input', () => UpdateDirectiveInput) input: UpdateDirectiveInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version the change was made on.' }) expectedVersion: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<DirectiveRecord> {
    return new DirectiveService(ctx).update(id, input, expectedVersion);
  }

  @Authorized(Access.ADMIN)
  @Mutation(() => DirectiveRecord, { description: 'Soft-deletes a document; restoreDirective undoes it. Admins only.' })
  deleteDirective(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<DirectiveRecord> {
    return new DirectiveService(ctx).remove(id);
  }

  @Authorized(Access.ADMIN)
  @Mutation(() => DirectiveRecord, {
    description: 'Restores a soft-deleted document (refused with CONFLICT if its number was registered again meanwhile). Admins only.',
  })
  restoreDirective(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<DirectiveRecord> {
    return new DirectiveService(ctx).restore(id);
  }

  @Authorized(Access.ADMIN)
  @Mutation(() => DirectiveRelation, { description: 'Records that one document relates to another (SUPERSEDES sets the other’s status). Admins only.' })
  relateDirectives(@Arg('input', () => RelateDirectivesInput) input: RelateDirectivesInput, @Ctx() ctx: RequestContext): Promise<DirectiveRelation> {
    return new RelationService(ctx).relate(input);
  }

  @Authorized(Access.ADMIN)
  @Mutation(() => DirectiveRelation, { description: 'Removes a relation; a document no longer superseded is in force again. Admins only.' })
  unrelateDirectives(@Arg('id', () => ID, { description: 'The relation’s id.' }) id: string, @Ctx() ctx: RequestContext): Promise<DirectiveRelation> {
    return new RelationService(ctx).unrelate(id);
  }

  @FieldResolver(() => OrganizationRef, {
    nullable: true,
    description: 'The issuing organization. Null only when the organizations subgraph cannot answer (an error says so).',
  })
  issuer(@Root() d: DirectiveRecord): OrganizationRef {
    return organizationRef(d.issuerId)!;
  }

  @FieldResolver(() => [DirectiveRelation], { description: 'Relations from this document to others ("499-BC/TU EVALUATES 01-KL/TW", seen from 499-BC/TU).' })
  outgoingRelations(@Root() d: DirectiveRecord, @Ctx() ctx: RequestContext): Promise<DirectiveRelation[]> {
    return relationsOf(ctx, d.id, 'from_id');
  }

  @FieldResolver(() => [DirectiveRelation], { description: 'Relations from other documents to this one ("499-BC/TU EVALUATES 01-KL/TW", seen from 01-KL/TW).' })
  incomingRelations(@Root() d: DirectiveRecord, @Ctx() ctx: RequestContext): Promise<DirectiveRelation[]> {
    return relationsOf(ctx, d.id, 'to_id');
  }

  @FieldResolver(() => AuditEventConnection, { description: 'Audit log of this document, newest first (admins).' })
  history(@Root() d: DirectiveRecord, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext): Promise<Connection<AuditEvent>> {
    requireAccess(ctx.caller, Access.ADMIN);
    return recordHistory(ctx, 'Directive', d.id, args);
  }
}

@Resolver(() => DirectiveRelation)
export class DirectiveRelationResolver {
  @FieldResolver(() => DirectiveRecord, { description: 'The document the relation starts from.' })
  async from(@Root() r: DirectiveRelation, @Ctx() ctx: RequestContext): Promise<DirectiveRecord> {
    return (await new DirectiveQueries(ctx).byId(r.fromId))!;
  }

  @FieldResolver(() => DirectiveRecord, { description: 'The document it points to.' })
  async to(@Root() r: DirectiveRelation, @Ctx() ctx: RequestContext): Promise<DirectiveRecord> {
    return (await new DirectiveQueries(ctx).byId(r.toId))!;
  }
}
