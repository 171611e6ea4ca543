import type { RequestContext } from '@lantoa/kit';
import type { Exemplar } from './exemplar.entity.js';
import { ExemplarQueries } from './exemplar.queries.js';

/**
 * `_entities` for Exemplar: one statement for the whole call (the media subgraph references exemplars).
 * Deleted rows, and those the caller may not read yet (EXEMPLAR_READ), resolve
 * to null, as the one-record query answers for them: a reference is no back
 * door to what was deleted or is not public.
 */
export const resolveExemplarReference = (ref: { id: string }, ctx: RequestContext): Promise<Exemplar | null> => new ExemplarQueries(ctx).readable(ref.id);
