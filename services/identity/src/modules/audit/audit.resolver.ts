import { Access, AuditEventConnection, AuditEventsArgs, type AuditEvent, type Connection, type RequestContext } from '@lantoa/kit';
import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { auditVisibility } from '../../audit-visibility.js';
import { settingsOf } from '../../settings.js';
import { localSource, readAllAuditEvents, remoteSource } from './audit-log.js';

@Resolver()
export class AuditResolver {
  @Authorized(Access.REVIEW)
  @Query(() => AuditEventConnection, {
    nullable: true,
    description:
      'The audit log of every subgraph, newest first: admins see everything, reviewers the records of their organization’s subtree. Page with `after`; `offset` at most 1,000.',
  })
  auditEvents(@Args(() => AuditEventsArgs) args: AuditEventsArgs, @Ctx() ctx: RequestContext): Promise<Connection<AuditEvent>> {
    const { auditSources, gatewaySecret } = settingsOf(ctx);
    const sources = [localSource(ctx, auditVisibility), ...Object.values(auditSources).map((url) => remoteSource(ctx, url, gatewaySecret))];
    return readAllAuditEvents(sources, args);
  }
}
