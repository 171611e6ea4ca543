import { Access, notFound } from '@lantoa/kit';
import { defineAttachments } from '@lantoa/kit/attachments';
import { Exemplar } from './exemplar.entity.js';
import { ExemplarQueries } from './exemplar.queries.js';
import { ExemplarService } from './exemplar.service.js';

/**
 * Photos and documents of exemplars (kit/attachments): whoever may read the
 * exemplar (EXEMPLAR_READ) may download them; editors of its organization's subtree (the
 * rule of updateExemplar) may add and remove them.
 */
export const exemplarAttachments = defineAttachments({
  subgraph: 'exemplars',
  recordTypes: {
    Exemplar: {
      of: () => Exemplar,
      canRead: async (ctx, id) => (await new ExemplarQueries(ctx).readable(id)) !== null,
      async canWrite(ctx, id) {
        const exemplar = await new ExemplarQueries(ctx).live(id);
        if (!exemplar) throw notFound('Exemplar', id, 'exemplarId');
        await new ExemplarService(ctx).requireInScope(exemplar.organizationId, Access.EDIT);
        return true;
      },
    },
  },
});
