import type { RequestContext } from '@lantoa/kit';
import type { Exemplar } from './exemplar.entity.js';
import { ExemplarQueries } from './exemplar.queries.js';

/** `_entities` for Exemplar: one statement for the whole call (the media subgraph references exemplars). */
export const resolveExemplarReference = (ref: { id: string }, ctx: RequestContext): Promise<Exemplar | null> => new ExemplarQueries(ctx).byId(ref.id);
