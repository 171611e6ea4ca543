import { Access, type Connection, type RequestContext } from '@lantoa/kit';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { MediaStatus } from '../item/item.enums.js';
import { MediaItemFilter, MediaItemsArgs } from '../item/item.inputs.js';
import { MediaItemQueries } from '../item/item.queries.js';
import { MediaItemConnection } from '../item/item.resolver.js';
import type { MediaItem } from '../item/item.entity.js';
import { Coverage, coverageOf, uncoveredExemplars, UncoveredExemplarList, UncoveredExemplarsArgs } from '../stats/coverage.js';
import { mediaStats, MediaStatsInput, MediaStatsRow } from '../stats/media-stats.js';
import { DirectiveRef, ExemplarRef, OrganizationRef, TaskRef, ThemeRef } from './refs.js';

const list = (ctx: RequestContext, args: MediaItemsArgs, extra: Partial<MediaItemFilter>) =>
  new MediaItemQueries(ctx).list({ ...args, filter: { ...args.filter, ...extra } });

@ArgsType()
class OutletItemsArgs extends MediaItemsArgs {
  @Field(() => Boolean, { defaultValue: false, description: 'Also items of every outlet below it.' })
  includeDescendants: boolean = false;
}

@Resolver(() => ExemplarRef)
export class ExemplarMediaResolver {
  @Authorized(Access.READ)
  @FieldResolver(() => MediaItemConnection, { description: 'Media items covering this exemplar.' })
  mediaItems(@Root() e: ExemplarRef, @Args(() => MediaItemsArgs) args: MediaItemsArgs, @Ctx() ctx: RequestContext): Promise<Connection<MediaItem>> {
    return list(ctx, args, { exemplarId: e.id });
  }

  @Authorized(Access.READ)
  @FieldResolver(() => Coverage, { description: 'How the press has covered it: published items and the latest publication (batched for a whole list).' })
  coverage(@Root() e: ExemplarRef, @Ctx() ctx: RequestContext): Promise<Coverage> {
    return coverageOf(ctx, e.id);
  }
}

@Resolver(() => DirectiveRef)
export class DirectiveMediaResolver {
  @Authorized(Access.READ)
  @FieldResolver(() => MediaItemConnection, { description: 'Media items covering this document.' })
  mediaItems(@Root() d: DirectiveRef, @Args(() => MediaItemsArgs) args: MediaItemsArgs, @Ctx() ctx: RequestContext): Promise<Connection<MediaItem>> {
    return list(ctx, args, { directiveId: d.id });
  }
}

@Resolver(() => ThemeRef)
export class ThemeMediaResolver {
  @Authorized(Access.READ)
  @FieldResolver(() => MediaItemConnection, { description: 'Media items covering this annual theme.' })
  mediaItems(@Root() t: ThemeRef, @Args(() => MediaItemsArgs) args: MediaItemsArgs, @Ctx() ctx: RequestContext): Promise<Connection<MediaItem>> {
    return list(ctx, args, { themeId: t.id });
  }
}

@Resolver(() => TaskRef)
export class TaskMediaResolver {
  @Authorized(Access.READ)
  @FieldResolver(() => MediaItemConnection, { description: 'Media items reporting on this task (the press group’s tasks).' })
  mediaItems(@Root() t: TaskRef, @Args(() => MediaItemsArgs) args: MediaItemsArgs, @Ctx() ctx: RequestContext): Promise<Connection<MediaItem>> {
    return list(ctx, args, { taskId: t.id });
  }
}

/** What this subgraph adds to organizations: what they published as outlets, and their coverage statistics. */
@Resolver(() => OrganizationRef)
export class OrganizationMediaResolver {
  @Authorized(Access.READ)
  @FieldResolver(() => MediaItemConnection, {
    description: 'Published (and archived) items of this outlet (and of the outlets below it with includeDescendants).',
  })
  publishedItems(@Root() o: OrganizationRef, @Args(() => OutletItemsArgs) args: OutletItemsArgs, @Ctx() ctx: RequestContext): Promise<Connection<MediaItem>> {
    return list(ctx, args, {
      outletId: o.id,
      includeDescendants: args.includeDescendants,
      statuses: args.filter?.statuses?.length ? args.filter.statuses : [MediaStatus.PUBLISHED, MediaStatus.ARCHIVED],
    });
  }

  @Authorized(Access.READ)
  @FieldResolver(() => [MediaStatsRow], {
    description: 'Published items of the outlets in this organization’s subtree, counted by month, kind, tone, outlet or directive.',
  })
  coverageStats(
    @Root() o: OrganizationRef,
    @Arg('input', () => MediaStatsInput, { description: 'Grouping and period.' }) input: MediaStatsInput,
    @Ctx() ctx: RequestContext,
  ): Promise<MediaStatsRow[]> {
    return mediaStats(ctx, { outletId: o.id, includeDescendants: true }, input);
  }
}

@Resolver()
export class MediaStatsResolver {
  @Authorized(Access.READ)
  @Query(() => [MediaStatsRow], {
    description:
      'Published media items counted by outlet, month, kind, tone or directive over a period — e.g. items per outlet per month, per directive, per tone.',
  })
  mediaStats(
    @Arg('input', () => MediaStatsInput, { description: 'Grouping and period.' }) input: MediaStatsInput,
    @Arg('filter', () => MediaItemFilter, { nullable: true, description: 'Which items.' }) filter: MediaItemFilter | null,
    @Ctx() ctx: RequestContext,
  ): Promise<MediaStatsRow[]> {
    return mediaStats(ctx, filter, input);
  }

  @Authorized(Access.READ)
  @Query(() => UncoveredExemplarList, {
    description:
      'The communications staff’s to-do list: exemplars recognised or awarded in the period that no published item covers yet, latest honoured first, with a bounded number of SQL statements. Ask for exemplar { name organization { name } } in the same query.',
  })
  uncoveredExemplars(@Args(() => UncoveredExemplarsArgs) args: UncoveredExemplarsArgs, @Ctx() ctx: RequestContext): Promise<UncoveredExemplarList> {
    return uncoveredExemplars(ctx, args);
  }
}
