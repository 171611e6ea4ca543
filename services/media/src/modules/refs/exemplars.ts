import { badUserInput, callSubgraph, linked, requireLiveEntities, type RequestContext } from '@lantoa/kit';

/**
 * What this subgraph must know about exemplars, which the exemplars subgraph
 * owns. There is no replica of exemplars here (the organization directory is
 * the only replicated table), so the two facts below are asked over HTTP:
 *
 * - at write time, whether linked exemplar ids exist: a link to an exemplar
 *   that does not exist must be refused (NOT_FOUND) before the item is
 *   stored, and only the owner can say. One `_entities` call per write (one
 *   SQL statement there), only when the links change; reads never call.
 * - for the uncovered to-do list, which exemplars were honoured in a period:
 *   paged `exemplars` lists, one per year of the period, asked at once (one
 *   statement per page of 200), then the covered ones (known here) are
 *   taken out.
 *
 * Both calls carry the caller's own proof, so the caller sees only what the
 * exemplars subgraph would show them.
 */

/** Refuses with NOT_FOUND (naming the input path) the first id that is not a live exemplar. */
export function requireLiveExemplars(ctx: RequestContext, ids: readonly string[], path: string): Promise<void> {
  return requireLiveEntities('exemplars', ctx, linked('Exemplar', path, ids));
}

export interface HonouredExemplar {
  id: string;
  /** The first day in the period it was recognised or awarded. */
  honouredOn: string;
}

/** Lifecycle steps that count as honoured (recognised or awarded), not taken back. */
const HONOURED = ['RECOGNISED', 'AWARDED', 'PUBLICISED', 'REPLICATED'];
const PAGE = 200;
/** Beyond this many honoured exemplars the period or organization is too wide for one to-do list. */
export const MAX_HONOURED = 2_000;

const LIST = `query ($f: ExemplarFilter!, $after: String) {
  exemplars(filter: $f, first: ${PAGE}, after: $after, orderBy: [{ field: RECOGNISED_ON, direction: DESC }]) {
    nodes { id recognisedOn awardedOn }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface ListData {
  exemplars: { nodes: { id: string; recognisedOn: string | null; awardedOn: string | null }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

/**
 * Exemplars recognised or awarded between from and to (days), of an
 * organization (and its subtree), as the caller may see them. The years of
 * the period are asked at once, each walking its own pages by cursor (not
 * by offset, which a concurrent write would shift); an exemplar honoured in
 * two of them counts from its first day in the period.
 */
export async function honouredExemplars(
  ctx: RequestContext,
  o: { from: string; to: string; organizationId?: string | null; includeDescendants?: boolean | null },
): Promise<HonouredExemplar[]> {
  const base = { statuses: HONOURED, ...(o.organizationId ? { organizationId: o.organizationId, includeDescendants: !!o.includeDescendants } : {}) };
  const tooMany = () =>
    badUserInput([{ path: 'honouredFrom', message: `covers more than ${MAX_HONOURED} honoured exemplars: narrow the period or the organization.` }]);
  const year = async (y: number): Promise<HonouredExemplar[]> => {
    const found: HonouredExemplar[] = [];
    let after: string | null = null;
    do {
      const data: ListData = await callSubgraph<ListData>('exemplars', ctx, LIST, { f: { ...base, honouredInYear: y }, after });
      for (const e of data.exemplars.nodes) {
        const day = [e.recognisedOn, e.awardedOn].filter((d): d is string => !!d && d >= o.from && d <= o.to).sort()[0];
        if (day) found.push({ id: e.id, honouredOn: day });
      }
      if (found.length > MAX_HONOURED) throw tooMany();
      after = data.exemplars.pageInfo.hasNextPage ? data.exemplars.pageInfo.endCursor : null;
    } while (after);
    return found;
  };
  const years = Array.from({ length: Number(o.to.slice(0, 4)) - Number(o.from.slice(0, 4)) + 1 }, (_, i) => Number(o.from.slice(0, 4)) + i);
  const first = new Map<string, HonouredExemplar>();
  for (const h of (await Promise.all(years.map(year))).flat()) {
    const seen = first.get(h.id);
    if (!seen || h.honouredOn < seen.honouredOn) first.set(h.id, h);
  }
  if (first.size > MAX_HONOURED) throw tooMany();
  return [...first.values()];
}
