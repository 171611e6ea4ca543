import type { RequestContext } from '@lantoa/kit';
import type { Task } from './task.entity.js';
import { TaskQueries } from './task.queries.js';

/** `_entities` for Task: one statement for the whole call. */
export const resolveTaskReference = (ref: { id: string }, ctx: RequestContext): Promise<Task | null> => new TaskQueries(ctx).byId(ref.id);
