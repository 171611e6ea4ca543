import type { RequestContext } from '@lantoa/kit';
import type { Task } from './task.entity.js';
import { TaskQueries } from './task.queries.js';

/**
 * `_entities` for Task: one statement for the whole call.
 * Deleted rows resolve to null, as the one-record query answers for them:
 * a reference is no back door to what was deleted.
 */
export const resolveTaskReference = (ref: { id: string }, ctx: RequestContext): Promise<Task | null> => new TaskQueries(ctx).live(ref.id);
