import { requireLiveEntities, type LinkedEntity, type RequestContext } from '@lantoa/kit';

/** The reference inputs of an exemplar or a movement that other subgraphs own. */
export interface ForeignLinks {
  personId?: string | null;
  directiveId?: string | null;
  themeId?: string | null;
}

const one = (typename: string, path: string, id: string | null | undefined): LinkedEntity[] => (id ? [{ typename, id, path }] : []);

/**
 * People belong to the organizations subgraph, directives and themes to the
 * directives subgraph; neither is replicated here, so a write that links to
 * them asks their owner (one `_entities` call each, only for the links it
 * sends; reads never call). Unknown, deleted or hidden: NOT_FOUND naming the
 * input path, before anything is stored.
 */
export async function requireLiveForeignLinks(ctx: RequestContext, given: ForeignLinks): Promise<void> {
  await Promise.all([
    requireLiveEntities('organizations', ctx, one('Person', 'input.personId', given.personId)),
    requireLiveEntities('directives', ctx, [...one('Directive', 'input.directiveId', given.directiveId), ...one('Theme', 'input.themeId', given.themeId)]),
  ]);
}
