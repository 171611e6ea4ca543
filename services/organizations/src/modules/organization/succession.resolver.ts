import { Access, type RequestContext } from '@lantoa/kit';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Organization } from './organization.entity.js';
import { RecordSuccessionInput } from './organization.inputs.js';
import { OrganizationQueries } from './organization.queries.js';
import { OrgSuccession } from './succession.entity.js';
import { SuccessionService } from './succession.service.js';

@Resolver(() => OrgSuccession)
export class SuccessionResolver {
  @Authorized(Access.ADMIN)
  @Mutation(() => [OrgSuccession], {
    description: 'Records that organizations were merged, renamed, absorbed, split or dissolved; ends the predecessors unless told not to.',
  })
  recordSuccession(@Arg('input', () => RecordSuccessionInput) input: RecordSuccessionInput, @Ctx() ctx: RequestContext): Promise<OrgSuccession[]> {
    return new SuccessionService(ctx).record(input);
  }

  @FieldResolver(() => Organization, { description: 'The organization that ended or changed.' })
  async from(@Root() s: OrgSuccession, @Ctx() ctx: RequestContext): Promise<Organization> {
    return (await new OrganizationQueries(ctx).byId(s.fromId))!;
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The successor; null for DISSOLVE.' })
  to(@Root() s: OrgSuccession, @Ctx() ctx: RequestContext): Promise<Organization | null> | null {
    return s.toId ? new OrganizationQueries(ctx).byId(s.toId) : null;
  }
}
