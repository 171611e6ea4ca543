import { requireLiveEntities, type LinkedEntity, type RequestContext } from '@lantoa/kit';

/**
 * Directives, themes and tasks belong to the directives subgraph and are not
 * replicated here, so a write that links to them asks that subgraph whether
 * they exist: one `_entities` call per write, only for the links it changes
 * (reads never call). A link to a directive that does not exist, or that the
 * caller cannot see, is refused with NOT_FOUND before anything is stored.
 */
export function requireLiveDirectiveLinks(ctx: RequestContext, links: readonly LinkedEntity[]): Promise<void> {
  return requireLiveEntities('directives', ctx, links);
}
