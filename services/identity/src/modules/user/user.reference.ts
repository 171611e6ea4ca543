import { isUuid, type RequestContext } from '@lantoa/kit';
import type { User } from './user.entity.js';
import { UserQueries } from './user.queries.js';

/**
 * `_entities` for User: one statement per call, however many representations.
 * Deleted rows resolve to null, as the one-record query answers for them:
 * a reference is no back door to what was deleted.
 */
export const resolveUserReference = (ref: { id: string }, ctx: RequestContext): Promise<User | null> | null =>
  isUuid(ref.id) ? new UserQueries(ctx).live(ref.id) : null;
