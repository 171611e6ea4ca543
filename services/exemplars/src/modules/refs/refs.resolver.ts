import { Access, type Connection, type RequestContext } from '@lantoa/kit';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Exemplar } from '../exemplar/exemplar.entity.js';
import { ExemplarFilter, ExemplarsArgs } from '../exemplar/exemplar.inputs.js';
import { ExemplarQueries } from '../exemplar/exemplar.queries.js';
import { ExemplarConnection } from '../exemplar/exemplar.resolver.js';
import { exemplarStats, ExemplarStatsInput, ExemplarStatsRow } from '../stats/exemplar-stats.js';
import { DirectiveRef, OrganizationRef, PersonRef, ThemeRef } from './refs.js';

@ArgsType()
class OrganizationExemplarsArgs extends ExemplarsArgs {
  @Field(() => Boolean, { defaultValue: false, description: 'Also exemplars of every organization below it.' })
  includeDescendants: boolean = false;
}

const list = (ctx: RequestContext, args: ExemplarsArgs, extra: Partial<ExemplarFilter>) =>
  new ExemplarQueries(ctx).list({ ...args, filter: { ...args.filter, ...extra } });

/** What this subgraph adds to organizations: their exemplars and statistics. */
@Resolver(() => OrganizationRef)
export class OrganizationExemplarsResolver {
  @Authorized(Access.READ)
  @FieldResolver(() => ExemplarConnection, { description: 'Exemplars belonging to this organization (and its subtree with includeDescendants).' })
  exemplars(
    @Root() o: OrganizationRef,
    @Args(() => OrganizationExemplarsArgs) args: OrganizationExemplarsArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<Connection<Exemplar>> {
    return list(ctx, args, { organizationId: o.id, includeDescendants: args.includeDescendants });
  }

  @Authorized(Access.READ)
  @FieldResolver(() => [ExemplarStatsRow], { description: 'Exemplars of this organization’s subtree, counted by the dimensions asked for.' })
  exemplarStats(
    @Root() o: OrganizationRef,
    @Arg('input', () => ExemplarStatsInput, { description: 'Grouping and period.' }) input: ExemplarStatsInput,
    @Arg('filter', () => ExemplarFilter, { nullable: true, description: 'Further conditions (its organizationId is this organization).' })
    filter: ExemplarFilter | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ExemplarStatsRow[]> {
    return exemplarStats(ctx, { ...filter, organizationId: o.id, includeDescendants: true }, input);
  }
}

@Resolver(() => PersonRef)
export class PersonExemplarsResolver {
  @Authorized(Access.READ)
  @FieldResolver(() => ExemplarConnection, { description: 'Exemplars about this person.' })
  exemplars(@Root() p: PersonRef, @Args(() => ExemplarsArgs) args: ExemplarsArgs, @Ctx() ctx: RequestContext): Promise<Connection<Exemplar>> {
    return list(ctx, args, { personId: p.id });
  }
}

@Resolver(() => DirectiveRef)
export class DirectiveExemplarsResolver {
  @Authorized(Access.READ)
  @FieldResolver(() => ExemplarConnection, { description: 'Exemplars answering to this document.' })
  exemplars(@Root() d: DirectiveRef, @Args(() => ExemplarsArgs) args: ExemplarsArgs, @Ctx() ctx: RequestContext): Promise<Connection<Exemplar>> {
    return list(ctx, args, { directiveId: d.id });
  }
}

@Resolver(() => ThemeRef)
export class ThemeExemplarsResolver {
  @Authorized(Access.READ)
  @FieldResolver(() => ExemplarConnection, { description: 'Exemplars answering to this annual theme.' })
  exemplars(@Root() t: ThemeRef, @Args(() => ExemplarsArgs) args: ExemplarsArgs, @Ctx() ctx: RequestContext): Promise<Connection<Exemplar>> {
    return list(ctx, args, { themeId: t.id });
  }
}

@Resolver()
export class ExemplarStatsResolver {
  @Authorized(Access.READ)
  @Query(() => [ExemplarStatsRow], {
    nullable: true,
    description:
      'Exemplars counted by kind, status, field, year first honoured, district or child organization, for any filter and period — e.g. recognised or awarded per district and year.',
  })
  exemplarStats(
    @Arg('input', () => ExemplarStatsInput, { description: 'Grouping and period.' }) input: ExemplarStatsInput,
    @Arg('filter', () => ExemplarFilter, { nullable: true, description: 'Which exemplars.' }) filter: ExemplarFilter | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ExemplarStatsRow[]> {
    return exemplarStats(ctx, filter, input);
  }
}
