import type { RequestContext } from '@lantoa/kit';
import type { Person } from './person.entity.js';
import { PersonQueries } from './person.queries.js';

/**
 * `_entities` resolution for Person: every representation of one call in one batch, one statement.
 * Deleted rows resolve to null, as the one-record query answers for them:
 * a reference is no back door to what was deleted.
 */
export const resolvePersonReference = (ref: { id: string }, ctx: RequestContext): Promise<Person | null> => new PersonQueries(ctx).live(ref.id);
