import type { RequestContext } from '@lantoa/kit';
import type { MediaItem } from './item.entity.js';
import { MediaItemQueries } from './item.queries.js';

/**
 * `_entities` for MediaItem: one statement for the whole call.
 * Deleted rows resolve to null, as the one-record query answers for them:
 * a reference is no back door to what was deleted.
 */
export const resolveMediaItemReference = (ref: { id: string }, ctx: RequestContext): Promise<MediaItem | null> => new MediaItemQueries(ctx).live(ref.id);
