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
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { ScrubDatabaseErrors } from '../../database-errors.js';
import { OrganizationRef, organizationRef } from '../organization/organization.ref.js';
import { User } from './user.entity.js';
import { CreateUserInput, UpdateUserInput, UsersArgs } from './user.inputs.js';
import { UserQueries } from './user.queries.js';
import { UserService } from './user.service.js';

export const UserConnection = ConnectionType(User, 'User');

@Resolver(() => User)
@UseMiddleware(ScrubDatabaseErrors)
export class UserResolver {
  @Query(() => User, { nullable: true, description: 'The signed-in user; null for API-token callers.' })
  me(@Ctx() ctx: RequestContext): Promise<User | null> | null {
    return ctx.caller.kind === 'user' && ctx.caller.id ? new UserQueries(ctx).live(ctx.caller.id) : null;
  }

  @Authorized(Access.ADMIN)
  @Query(() => User, { nullable: true, description: 'One user; null when absent or deleted. Admins only.' })
  user(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<User | null> | null {
    return isUuid(id) ? new UserQueries(ctx).live(id) : null;
  }

  @Authorized(Access.ADMIN)
  @Query(() => UserConnection, { nullable: true, description: 'Users matching a filter, in pages. Admins only.' })
  users(@Args(() => UsersArgs) args: UsersArgs, @Ctx() ctx: RequestContext): Promise<Connection<User>> {
    return new UserQueries(ctx).list(args);
  }

  @Authorized(Access.ADMIN)
  @Mutation(() => User, { description: 'Creates a user with an initial password. Admins only.' })
  createUser(@Arg('input', () => CreateUserInput, { description: 'The new user.' }) input: CreateUserInput, @Ctx() ctx: RequestContext): Promise<User> {
    return new UserService(ctx).create(input);
  }

  @Authorized(Access.ADMIN)
  @Mutation(() => User, {
    description:
      'Changes a user. Changing roles or organization, or disabling the user, ends their sessions. Refused with CONFLICT when expectedVersion is stale or no active admin would remain. Admins only.',
  })
  updateUser(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Arg('input', () => UpdateUserInput, { description: 'The changes.' }) input: UpdateUserInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version the change was made on.' }) expectedVersion: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<User> {
    return new UserService(ctx).update(id, input, expectedVersion);
  }

  @Authorized(Access.ADMIN)
  @Mutation(() => User, { description: 'Sets a new password, lifts a lockout and ends the user’s sessions. Admins only.' })
  setUserPassword(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Arg('password', () => String, { description: 'The new password, 10–256 characters.' }) password: string,
    @Ctx() ctx: RequestContext,
  ): Promise<User> {
    return new UserService(ctx).setPassword(id, password);
  }

  @Authorized(Access.ADMIN)
  @Mutation(() => User, { description: 'Soft-deletes a user and ends their sessions; restoreUser undoes it. Admins only.' })
  deleteUser(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<User> {
    return new UserService(ctx).remove(id);
  }

  @Authorized(Access.ADMIN)
  @Mutation(() => User, { description: 'Restores a soft-deleted user (they sign in again with their old password). Admins only.' })
  restoreUser(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<User> {
    return new UserService(ctx).restore(id);
  }

  @FieldResolver(() => OrganizationRef, { nullable: true, description: 'The organization the user belongs to.' })
  organization(@Root() u: User): OrganizationRef | null {
    return organizationRef(u.organizationId);
  }

  @FieldResolver(() => AuditEventConnection, { description: 'Audit log of this user, newest first (admins only).' })
  history(@Root() u: User, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext): Promise<Connection<AuditEvent>> {
    requireAccess(ctx.caller, Access.ADMIN);
    return recordHistory(ctx, 'User', u.id, args);
  }
}
