import type { RequestContext } from '@lantoa/kit';
import type { MediaItem } from './item.entity.js';
import { MediaItemQueries } from './item.queries.js';

/**
 * `_entities` for MediaItem: one statement for the whole call.
 * Deleted rows, and drafts the caller may not read (MEDIA_ITEM_READ), resolve
 * to null, as the one-record query answers for them: a reference is no back
 * door to what was deleted or is not out yet.
 */
export const resolveMediaItemReference = (ref: { id: string }, ctx: RequestContext): Promise<MediaItem | null> => new MediaItemQueries(ctx).readable(ref.id);
