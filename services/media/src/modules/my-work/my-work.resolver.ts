import { Access, can, emptyMyWorkList, myWorkFirstArg, myWorkType, MyWorkListType, readMyWorkList, type MyWorkList, type RequestContext } from '@lantoa/kit';
import { scopeCondition } from '@lantoa/kit/directory';
import { Ctx, FieldResolver, Resolver } from 'type-graphql';
import { MediaItem } from '../item/item.entity.js';
import { MediaAction, MediaStatus } from '../item/item.enums.js';

/** "Việc của tôi": this subgraph adds the media items waiting for the caller to MyWork (Query.myWork is the exemplars subgraph's). */
export const MyWork = myWorkType();
export const MyWorkMediaItems = MyWorkListType(MediaItem, 'MyWorkMediaItems', 'media items');

/** The item's latest step of `action` (or of any action), as a scalar subquery over the step index (item, time). */
const latestStep = (column: 'action' | 'actor_id', action?: MediaAction) =>
  `(select s.${column} from media_item_step s where s.media_item_id = i.id${action ? ` and s.action = '${action}'` : ''} order by s.occurred_at desc, s.id desc limit 1)`;

@Resolver(() => MyWork)
export class MyWorkMediaResolver {
  @FieldResolver(() => MyWorkMediaItems, {
    description:
      'Items in review at outlets of your subtree waiting for your approval (reviewers), newest first; items you submitted yourself are left to another reviewer.',
  })
  mediaItemsToApprove(@Ctx() ctx: RequestContext, @myWorkFirstArg() first: number): Promise<MyWorkList<MediaItem>> | MyWorkList<MediaItem> {
    if (!can(ctx.caller, Access.REVIEW)) return emptyMyWorkList(first);
    const knex = ctx.em.getKnex();
    const ids = knex('media_item as i').select('i.id').where('i.status', MediaStatus.IN_REVIEW).whereNull('i.deleted_at');
    scopeCondition(knex, 'i.outlet_id', ctx.caller)(ids);
    // Four-eyes (the submitter never approves) is not enforced yet; the queue already leaves a reviewer's own submission out.
    ids.whereRaw(`${latestStep('actor_id', MediaAction.SUBMIT)} is distinct from ?`, [ctx.caller.id]);
    return readMyWorkList(
      ctx,
      MediaItem,
      ids.orderBy([
        { column: 'i.updated_at', order: 'desc' },
        { column: 'i.id', order: 'desc' },
      ]),
      first,
    );
  }

  @FieldResolver(() => MyWorkMediaItems, {
    description: 'Items you submitted that a reviewer returned to draft (“Trả lại”, the note says why) and that wait for you to submit again, newest first.',
  })
  mediaItemsReturnedToMe(@Ctx() ctx: RequestContext, @myWorkFirstArg() first: number): Promise<MyWorkList<MediaItem>> | MyWorkList<MediaItem> {
    if (!can(ctx.caller, Access.EDIT) || !ctx.caller.id) return emptyMyWorkList(first);
    const knex = ctx.em.getKnex();
    const submittedByMe = knex('media_item_step').select('media_item_id').where({ actor_id: ctx.caller.id, action: MediaAction.SUBMIT });
    const ids = knex('media_item as i')
      .select('i.id')
      .where('i.status', MediaStatus.DRAFT)
      .whereNull('i.deleted_at')
      .whereIn('i.id', submittedByMe)
      // Returned: the last step is the rejection, and the submission it answered was mine.
      .whereRaw(`${latestStep('action')} = ?`, [MediaAction.REJECT])
      .whereRaw(`${latestStep('actor_id', MediaAction.SUBMIT)} = ?`, [ctx.caller.id]);
    // Still within their subtree (read boundaries: a draft is for the office's eyes, and someone moved elsewhere no longer reads it).
    scopeCondition(knex, 'i.outlet_id', ctx.caller)(ids);
    return readMyWorkList(
      ctx,
      MediaItem,
      ids.orderBy([
        { column: 'i.updated_at', order: 'desc' },
        { column: 'i.id', order: 'desc' },
      ]),
      first,
    );
  }
}
