import type { RequestContext } from '@lantoa/kit';
import type { Person } from './person.entity.js';
import { PersonQueries } from './person.queries.js';

/** `_entities` resolution for Person: every representation of one call in one batch, one statement. */
export const resolvePersonReference = (ref: { id: string }, ctx: RequestContext): Promise<Person | null> => new PersonQueries(ctx).byId(ref.id);
