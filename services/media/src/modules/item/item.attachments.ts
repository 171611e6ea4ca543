import { Access, notFound } from '@lantoa/kit';
import { defineAttachments } from '@lantoa/kit/attachments';
import { MediaItem } from './item.entity.js';
import { MediaItemQueries } from './item.queries.js';
import { MediaItemService } from './item.service.js';

/**
 * Photos, scans and documents of media items (kit/attachments): whoever may
 * read the item (MEDIA_ITEM_READ) may download them; editors of its outlet's subtree (the
 * rule of updateMediaItem) may add and remove them.
 */
export const mediaItemAttachments = defineAttachments({
  subgraph: 'media',
  recordTypes: {
    MediaItem: {
      of: () => MediaItem,
      canRead: async (ctx, id) => (await new MediaItemQueries(ctx).readable(id)) !== null,
      async canWrite(ctx, id) {
        const item = await new MediaItemQueries(ctx).live(id);
        if (!item) throw notFound('MediaItem', id, 'mediaItemId');
        await new MediaItemService(ctx).requireInScope(item.outletId, Access.EDIT);
        return true;
      },
    },
  },
});
