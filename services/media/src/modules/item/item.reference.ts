import type { RequestContext } from '@lantoa/kit';
import type { MediaItem } from './item.entity.js';
import { MediaItemQueries } from './item.queries.js';

/** `_entities` for MediaItem: one statement for the whole call. */
export const resolveMediaItemReference = (ref: { id: string }, ctx: RequestContext): Promise<MediaItem | null> => new MediaItemQueries(ctx).byId(ref.id);
