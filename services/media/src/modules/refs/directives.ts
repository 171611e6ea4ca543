import type { RequestContext } from '@lantoa/kit';
import { requireLiveEntities, type LinkedEntity, type SubgraphEndpoint } from './subgraph-call.js';

/**
 * Directives, themes and tasks belong to the directives subgraph and are not
 * replicated here, so a write that links to them asks that subgraph whether
 * they exist: one `_entities` call per write, only for the links it changes
 * (reads never call). A link to a directive that does not exist, or that the
 * caller cannot see, is refused with NOT_FOUND before anything is stored.
 */
let endpoint: SubgraphEndpoint | null = null;

/** From the descriptor's start hook (DIRECTIVES_URL, GATEWAY_SECRET). */
export function configureDirectives(e: { url: string; secret: string }): void {
  endpoint = { name: 'directives', ...e };
}

/** Refuses with NOT_FOUND the first linked Directive, Theme or Task that is not live. */
export async function requireLiveDirectiveLinks(ctx: RequestContext, links: readonly LinkedEntity[]): Promise<void> {
  if (!links.length) return;
  if (!endpoint) throw new Error('The directives endpoint is not configured (the media subgraph was not started through its descriptor).');
  await requireLiveEntities(endpoint, ctx, links);
}
