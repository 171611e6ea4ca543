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
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { ScrubDatabaseErrors } from '../../database-errors.js';
import { OrganizationRef, organizationRef } from '../organization/organization.ref.js';
import { User } from '../user/user.entity.js';
import { UserQueries } from '../user/user.queries.js';
import { ApiToken } from './api-token.entity.js';
import { ApiTokensArgs, CreateApiTokenInput, CreatedApiToken } from './api-token.inputs.js';
import { ApiTokenQueries } from './api-token.queries.js';
import { ApiTokenService } from './api-token.service.js';

export const ApiTokenConnection = ConnectionType(ApiToken, 'ApiToken');

@Resolver(() => ApiToken)
@UseMiddleware(ScrubDatabaseErrors)
export class ApiTokenResolver {
  @Authorized(Access.ADMIN)
  @Query(() => ApiToken, { nullable: true, description: 'One API token (never its secret); null when absent. Admins only.' })
  apiToken(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<ApiToken | null> | null {
    return isUuid(id) ? new ApiTokenQueries(ctx).live(id) : null;
  }

  @Authorized(Access.ADMIN)
  @Query(() => ApiTokenConnection, { nullable: true, description: 'API tokens matching a filter, in pages. Admins only.' })
  apiTokens(@Args(() => ApiTokensArgs) args: ApiTokensArgs, @Ctx() ctx: RequestContext): Promise<Connection<ApiToken>> {
    return new ApiTokenQueries(ctx).list(args);
  }

  @Authorized(Access.ADMIN)
  @Mutation(() => CreatedApiToken, { description: 'Creates an API token and returns its text once; only a hash is kept. Admins only.' })
  createApiToken(
    @Arg('input', () => CreateApiTokenInput, { description: 'The new token.' }) input: CreateApiTokenInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CreatedApiToken> {
    return new ApiTokenService(ctx).create(input);
  }

  @Authorized(Access.ADMIN)
  @Mutation(() => ApiToken, {
    description: 'Revokes an API token: /internal/authenticate refuses it from now on (a gateway cache may hold it until its entry expires). Admins only.',
  })
  revokeApiToken(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<ApiToken> {
    return new ApiTokenService(ctx).revoke(id);
  }

  @FieldResolver(() => Boolean, { description: 'True while the token is accepted: not revoked and not expired.' })
  active(@Root() t: ApiToken): boolean {
    return !t.revokedAt && !t.deletedAt && t.expiresAt.getTime() > Date.now();
  }

  // Nullable so that one token whose organization the organizations subgraph does not know (a row written around the
  // API) costs that token its organization, not the admin the whole list: a non-null field would null every parent up to data.
  @FieldResolver(() => OrganizationRef, {
    nullable: true,
    description: 'The organization the token acts for; null if the organizations subgraph does not know it.',
  })
  organization(@Root() t: ApiToken): OrganizationRef | null {
    return organizationRef(t.organizationId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The admin who created the token.' })
  createdBy(@Root() t: ApiToken, @Ctx() ctx: RequestContext): Promise<User | null> | null {
    return t.createdById ? new UserQueries(ctx).byId(t.createdById) : null;
  }

  @FieldResolver(() => AuditEventConnection, { description: 'Audit log of this API token, newest first (admins only).' })
  history(@Root() t: ApiToken, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext): Promise<Connection<AuditEvent>> {
    requireAccess(ctx.caller, Access.ADMIN);
    return recordHistory(ctx, 'ApiToken', t.id, args);
  }
}
