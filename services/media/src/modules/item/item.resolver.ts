import {
  Access,
  AuditEventConnection,
  can,
  ConnectionType,
  isUuid,
  liveLinks,
  PageArgs,
  pgArray,
  recordHistory,
  requireAccess,
  selectGrouped,
  type AuditEvent,
  type Connection,
  type RequestContext,
} from '@lantoa/kit';
import { Directory, withoutOfficeNotes } from '@lantoa/kit/directory';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DirectiveRef, ExemplarRef, OrganizationRef, refOf, refsOf, TaskRef, ThemeRef } from '../refs/refs.js';
import { MEDIA_ITEM_READ, MediaItem } from './item.entity.js';
import { MediaAction } from './item.enums.js';
import { CreateMediaItemInput, MediaItemsArgs, UpdateMediaItemInput } from './item.inputs.js';
import { MediaItemQueries } from './item.queries.js';
import { MediaItemService } from './item.service.js';
import { MediaItemStep } from './step.entity.js';
import { actionsFrom, STEPS } from './workflow.js';

export const MediaItemConnection = ConnectionType(MediaItem, 'MediaItem');

function timelineOf(ctx: RequestContext, itemId: string): Promise<MediaItemStep[]> {
  return ctx.loaders
    .get<string, MediaItemStep[]>('media_item_step.media_item_id', (ids) => {
      const qb = ctx.em
        .getKnex()('media_item_step')
        .select('*')
        .whereRaw('media_item_id = any(?::uuid[])', [pgArray(ids as string[])])
        .orderBy([{ column: 'occurred_at' }, { column: 'id' }]);
      return selectGrouped(ctx.em, MediaItemStep, qb, 'mediaItemId', ids);
    })
    .load(itemId);
}

@Resolver(() => MediaItem)
export class MediaItemResolver {
  @Authorized(Access.READ)
  @Query(() => MediaItem, { nullable: true, description: 'One media item; null when absent, deleted, or not yet public to you.' })
  mediaItem(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<MediaItem | null> | null {
    return isUuid(id) ? new MediaItemQueries(ctx).readable(id) : null;
  }

  @Authorized(Access.READ)
  @Query(() => MediaItemConnection, { description: 'Media items matching a filter, in pages, newest first by default.' })
  mediaItems(@Args(() => MediaItemsArgs) args: MediaItemsArgs, @Ctx() ctx: RequestContext): Promise<Connection<MediaItem>> {
    return new MediaItemQueries(ctx).list(args);
  }

  @Authorized(Access.EDIT)
  @Mutation(() => MediaItem, {
    description:
      'Records a draft item of a press outlet of your subtree. A non-press outlet: BAD_USER_INPUT; a URL already recorded for a live item: CONFLICT naming it; a linked exemplar that does not exist: NOT_FOUND.',
  })
  createMediaItem(@Arg('input', () => CreateMediaItemInput) input: CreateMediaItemInput, @Ctx() ctx: RequestContext): Promise<MediaItem> {
    return new MediaItemService(ctx).create(input);
  }

  @Authorized(Access.EDIT)
  @Mutation(() => MediaItem, {
    description:
      'Changes a media item of your subtree (not its status: see transitionMediaItem); CONFLICT when expectedVersion is stale or the item is archived.',
  })
  updateMediaItem(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Arg('input', () => UpdateMediaItemInput) input: UpdateMediaItemInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version the change was made on.' }) expectedVersion: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<MediaItem> {
    return new MediaItemService(ctx).update(id, input, expectedVersion);
  }

  @Authorized(Access.EDIT)
  @Mutation(() => MediaItem, { description: 'Soft-deletes a media item of your subtree (and its scheduled publication); restoreMediaItem undoes it.' })
  deleteMediaItem(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<MediaItem> {
    return new MediaItemService(ctx).setDeleted(id, true);
  }

  @Authorized(Access.EDIT)
  @Mutation(() => MediaItem, {
    description: 'Restores a soft-deleted media item of your subtree; CONFLICT when its URL has been recorded for another item since.',
  })
  restoreMediaItem(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: RequestContext): Promise<MediaItem> {
    return new MediaItemService(ctx).setDeleted(id, false);
  }

  @Authorized(Access.EDIT)
  @Mutation(() => MediaItem, {
    description:
      'Takes one editorial step (allowedActions lists them). A step the status does not allow: CONFLICT; APPROVE and REJECT need a reviewer of the outlet’s subtree; REJECT needs a note. APPROVE or SCHEDULE with a future publishAt schedules the publication (exactly once, on the server’s job queue).',
  })
  transitionMediaItem(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Arg('action', () => MediaAction, { description: 'The step.' }) action: MediaAction,
    @Arg('note', () => String, { nullable: true, description: 'Note; the reason for REJECT.' }) note: string | null,
    @Arg('publishAt', () => Date, {
      nullable: true,
      description: 'With APPROVE or SCHEDULE: when to publish (in the future); SCHEDULE without it clears the schedule.',
    })
    publishAt: Date | null,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version the step was decided on.' }) expectedVersion: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<MediaItem> {
    return new MediaItemService(ctx).transition(id, action, { note, publishAt, expectedVersion });
  }

  @FieldResolver(() => [MediaAction], { description: 'The steps you may take now: allowed from its status, by your role, in your subtree.' })
  async allowedActions(@Root() e: MediaItem, @Ctx() ctx: RequestContext): Promise<MediaAction[]> {
    if (e.deletedAt || !can(ctx.caller, Access.EDIT) || !(await new Directory(ctx).inScope(ctx.caller, e.outletId))) return [];
    return actionsFrom(e.status).filter((a) => can(ctx.caller, STEPS[a].access));
  }

  @FieldResolver(() => [MediaItemStep], {
    description: 'The editorial steps so far, oldest first: actor, time and note of each (a return’s reason only for the outlet’s office and admins).',
  })
  async timeline(@Root() e: MediaItem, @Ctx() ctx: RequestContext): Promise<MediaItemStep[]> {
    const steps = await timelineOf(ctx, e.id);
    return (await MEDIA_ITEM_READ.readsAsOffice(ctx, e)) ? steps : withoutOfficeNotes(steps, [MediaAction.REJECT]);
  }

  @FieldResolver(() => OrganizationRef, { description: 'The press outlet.' })
  outlet(@Root() e: MediaItem): OrganizationRef {
    return refOf(e.outletId)!;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Name of the outlet, from this subgraph’s directory replica (no call to the organizations subgraph).',
  })
  outletName(@Root() e: MediaItem, @Ctx() ctx: RequestContext): Promise<string | null> {
    return new Directory(ctx).name(e.outletId);
  }

  @FieldResolver(() => [ID], {
    description: 'Ids of the exemplars it covers: those you may read, or all of them when you may edit the item (an edit keeps links it cannot show).',
  })
  async exemplarIds(@Root() e: MediaItem, @Ctx() ctx: RequestContext): Promise<string[]> {
    const editor = can(ctx.caller, Access.EDIT) && (await new Directory(ctx).inScope(ctx.caller, e.outletId));
    return editor ? e.exemplarIds : liveLinks('exemplars', ctx, 'Exemplar', e.exemplarIds);
  }

  // Links to records deleted since are left out: they resolve to null, as exemplar(id) and the others answer (liveLinks).
  @FieldResolver(() => [ExemplarRef], { description: 'The exemplars it covers (not those deleted since).' })
  async exemplars(@Root() e: MediaItem, @Ctx() ctx: RequestContext): Promise<ExemplarRef[]> {
    return refsOf(await liveLinks('exemplars', ctx, 'Exemplar', e.exemplarIds));
  }

  @FieldResolver(() => [DirectiveRef], { description: 'The directives it covers (not those deleted since).' })
  async directives(@Root() e: MediaItem, @Ctx() ctx: RequestContext): Promise<DirectiveRef[]> {
    return refsOf(await liveLinks('directives', ctx, 'Directive', e.directiveIds));
  }

  @FieldResolver(() => [ThemeRef], { description: 'The annual themes it covers (not those deleted since).' })
  async themes(@Root() e: MediaItem, @Ctx() ctx: RequestContext): Promise<ThemeRef[]> {
    return refsOf(await liveLinks('directives', ctx, 'Theme', e.themeIds));
  }

  @FieldResolver(() => [TaskRef], { description: 'The tasks it reports on (not those deleted since).' })
  async tasks(@Root() e: MediaItem, @Ctx() ctx: RequestContext): Promise<TaskRef[]> {
    return refsOf(await liveLinks('directives', ctx, 'Task', e.taskIds));
  }

  @FieldResolver(() => AuditEventConnection, { description: 'Audit log of this item, newest first (admins; reviewers within their subtree).' })
  async history(@Root() e: MediaItem, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext): Promise<Connection<AuditEvent>> {
    requireAccess(ctx.caller, Access.REVIEW);
    await new MediaItemService(ctx).requireInScope(e.outletId, Access.REVIEW);
    return recordHistory(ctx, 'MediaItem', e.id, args);
  }
}
