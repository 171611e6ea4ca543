import { Access, notFound, requireAccess } from '@lantoa/kit';
import { defineAttachments } from '@lantoa/kit/attachments';
import { DirectiveRecord } from './directive.entity.js';
import { DirectiveQueries } from './directive.queries.js';

/**
 * The attached file of a document (its scan or PDF, kit/attachments):
 * whoever may read the registry may download it; admins, who keep the
 * registry, add and remove files.
 */
export const directiveAttachments = defineAttachments({
  subgraph: 'directives',
  recordTypes: {
    Directive: {
      of: () => DirectiveRecord,
      canRead: async (ctx, id) => (await new DirectiveQueries(ctx).live(id)) !== null,
      async canWrite(ctx, id) {
        if (!(await new DirectiveQueries(ctx).live(id))) throw notFound('Directive', id, 'directiveId');
        requireAccess(ctx.caller, Access.ADMIN);
        return true;
      },
    },
  },
});
